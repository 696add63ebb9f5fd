package io.facecheck.contracts.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 18-character resident ID number of GB 11643-1999 (also used by the HK/MC/TW residence
 * permits): 6 region digits, an 8-digit birth date, 3 sequence digits and an ISO 7064 MOD 11-2
 * check character. JSON Schema cannot express the check character, so it lives here.
 *
 * <p>Lowercase {@code x}: accepted as the check character and meaning {@code X}. It is the same
 * number (GB 11643 prints X; lowercase comes from input methods), so rejecting it would only turn
 * away real users; {@link #normalize} makes it uppercase before anything is stored, hashed or sent
 * to Alipay.
 *
 * <p>The birth date must exist in the calendar (no 19490230) and lie in 1800 or later (nobody alive
 * was born earlier; year 0000 would otherwise parse). Whether it lies in the future is not checked:
 * that needs a clock, and Alipay answers for it anyway.
 */
public final class ResidentIdNumber {

  /** Why a number is or is not a resident ID number. */
  public enum Verdict {
    VALID,
    /** Not 17 digits followed by a digit or X. */
    MALFORMED,
    /** Characters 7–14 are not a real date. */
    INVALID_BIRTH_DATE,
    /** The 18th character does not match the first 17. */
    INVALID_CHECK_DIGIT
  }

  public static final int LENGTH = 18;

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final Pattern SHAPE = Pattern.compile("[0-9]{17}[0-9Xx]");
  private static final DateTimeFormatter BIRTH_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  // Anything in free text that looks like a resident ID, so it can be masked before ops see it.
  private static final Pattern IN_TEXT =
      Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
  private static final int EARLIEST_BIRTH_YEAR = 1800;
  private static final int MAX_SHOWN_PER_SIDE = 4;
  private static final int MIN_HIDDEN = 10;

  private ResidentIdNumber() {}

  /** True when {@code number} is a well-formed resident ID with a real birth date and check. */
  public static boolean isValid(String number) {
    return check(number) == Verdict.VALID;
  }

  /** Checks shape, birth date and check character, in that order. */
  public static Verdict check(String number) {
    if (number == null || !SHAPE.matcher(number).matches()) {
      return Verdict.MALFORMED;
    }
    if (!isRealDate(number.substring(6, 14))) {
      return Verdict.INVALID_BIRTH_DATE;
    }
    char actual = Character.toUpperCase(number.charAt(17));
    return actual == checkCharacter(number) ? Verdict.VALID : Verdict.INVALID_CHECK_DIGIT;
  }

  /**
   * The check character for the first 17 digits of {@code number}: sum of digit × weight, mod 11,
   * looked up in {@code 1 0 X 9 8 7 6 5 4 3 2}.
   */
  public static char checkCharacter(String number) {
    if (number == null || number.length() < 17) {
      throw new IllegalArgumentException("needs at least 17 digits");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("character " + (i + 1) + " is not a digit");
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK_CHARS[sum % 11];
  }

  /** The number with a lowercase check character made uppercase; other input unchanged. */
  public static String normalize(String number) {
    if (number != null && number.length() == LENGTH && number.charAt(17) == 'x') {
      return number.substring(0, 17) + 'X';
    }
    return number;
  }

  /**
   * A form safe for logs and ops output: at most the first 4 and last 4 characters shown, and
   * always at least 10 hidden, so an 18-character number shows as {@code 1101**********002X}
   * (region and last digits to tell records apart, never the birth date). Shorter input is shown
   * with proportionally fewer characters, down to all stars. Null stays null.
   */
  public static String mask(String number) {
    if (number == null) {
      return null;
    }
    int length = number.length();
    int shown = Math.max(0, Math.min(MAX_SHOWN_PER_SIDE, (length - MIN_HIDDEN) / 2));
    return number.substring(0, shown)
        + "*".repeat(length - 2 * shown)
        + number.substring(length - shown);
  }

  /** {@code text} with everything that looks like a resident ID number {@link #mask masked}. */
  public static String maskWithin(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = IN_TEXT.matcher(text);
    return matcher.replaceAll(found -> Matcher.quoteReplacement(mask(found.group())));
  }

  private static boolean isRealDate(String yyyymmdd) {
    try {
      return LocalDate.parse(yyyymmdd, BIRTH_DATE).getYear() >= EARLIEST_BIRTH_YEAR;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
