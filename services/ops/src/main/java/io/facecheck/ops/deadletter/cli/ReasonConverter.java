package io.facecheck.ops.deadletter.cli;

import io.facecheck.contracts.DeadLetterReason;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --reason}: a {@link DeadLetterReason} code, in any case; a typo is a usage error. */
final class ReasonConverter implements ITypeConverter<String> {

  @Override
  public String convert(String value) {
    String code = value.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(DeadLetterReason.values())
        .map(DeadLetterReason::code)
        .filter(code::equals)
        .findFirst()
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "unknown reason '"
                        + value
                        + "', expected one of "
                        + Arrays.toString(DeadLetterReason.values())));
  }
}
