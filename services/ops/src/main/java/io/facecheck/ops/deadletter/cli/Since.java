package io.facecheck.ops.deadletter.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --since}: an instant ({@code 2026-11-26T10:00:00Z}), a UTC date ({@code 2026-11-26}), or
 * an age relative to now ({@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}, {@code PT2H}).
 */
record Since(Instant at, Duration ago) {

  private static final Pattern AGE = Pattern.compile("([0-9]+)([smhd])");

  Instant cutoff(Clock clock) {
    return at != null ? at : clock.instant().minus(ago);
  }

  static final class Converter implements ITypeConverter<Since> {
    @Override
    public Since convert(String value) {
      String text = value.trim();
      Matcher age = AGE.matcher(text.toLowerCase(Locale.ROOT));
      if (age.matches()) {
        long amount = Long.parseLong(age.group(1));
        Duration unit =
            switch (age.group(2)) {
              case "s" -> Duration.ofSeconds(1);
              case "m" -> Duration.ofMinutes(1);
              case "h" -> Duration.ofHours(1);
              default -> Duration.ofDays(1);
            };
        return new Since(null, unit.multipliedBy(amount));
      }
      try {
        if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
          return new Since(null, Duration.parse(text));
        }
        if (text.length() == 10) {
          return new Since(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant(), null);
        }
        return new Since(Instant.parse(text), null);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "expected an instant (2026-11-26T10:00:00Z), a date (2026-11-26) or an age (30m, 2h,"
                + " 1d), got '"
                + value
                + "'");
      }
    }
  }
}
