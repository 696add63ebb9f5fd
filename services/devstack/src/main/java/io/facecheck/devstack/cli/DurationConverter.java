package io.facecheck.devstack.cli;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations exactly as the services' settings do (Boot's {@link DurationStyle}: 500ms, 30s,
 * 1m, 2h, 1d or ISO-8601), except that a bare number is refused: on a command line "10" is more
 * likely meant as seconds than as Boot's default of milliseconds.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    String text = value.trim();
    if (text.isEmpty() || Character.isDigit(text.charAt(text.length() - 1))) {
      throw new TypeConversionException("'" + value + "' needs a unit, like 500ms, 30s, 1m");
    }
    Duration duration;
    try {
      duration = DurationStyle.detectAndParse(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "' is not a duration like 500ms, 30s, 1m");
    }
    if (duration.isNegative()) {
      throw new TypeConversionException("'" + value + "' is negative");
    }
    return duration;
  }
}
