package io.facecheck.ops.deadletter.cli;

import io.facecheck.ops.pacing.Rate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --rate}: {@code 50/s}, {@code 50}, {@code 600/m}; anything else is a usage error. */
final class RateConverter implements ITypeConverter<Rate> {

  @Override
  public Rate convert(String value) {
    try {
      return Rate.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
