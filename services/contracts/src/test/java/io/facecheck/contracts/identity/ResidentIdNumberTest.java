package io.facecheck.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.identity.ResidentIdNumber.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519491231002X", // the GB 11643 sample, check character X
        "440304199003074510", // check character 0
        "310115200002291235", // born on a leap day of a leap century
        "810000198506123217", // HK/MC residence permit, same rule
        "110105200102280023"
      })
  void acceptsNumbersWithAMatchingCheckCharacter(String number) {
    assertThat(ResidentIdNumber.check(number)).isEqualTo(Verdict.VALID);
    assertThat(ResidentIdNumber.isValid(number)).isTrue();
  }

  @Test
  void computesTheCheckCharacterOfTheStandardSample() {
    assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(ResidentIdNumber.checkCharacter("44030419900307451")).isEqualTo('0');
  }

  @Test
  void everyRemainderMapsToItsCheckCharacter() {
    // the 17th digit has weight 2: stepping it walks the sum through distinct remainders
    String expected = "10X98765432";
    int found = 0;
    for (int d = 0; d <= 9; d++) {
      String first17 = "1101051949123100" + d;
      char check = ResidentIdNumber.checkCharacter(first17);
      assertThat(expected.indexOf(check)).isNotNegative();
      assertThat(ResidentIdNumber.isValid(first17 + check)).isTrue();
      found++;
    }
    assertThat(found).isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110105194912310021",
        "110105194912310029",
        "440304199003074511",
        "44030419900307451X"
      })
  void refusesAWrongCheckCharacter(String number) {
    assertThat(ResidentIdNumber.check(number)).isEqualTo(Verdict.INVALID_CHECK_DIGIT);
  }

  @Test
  void acceptsLowercaseXAsX() {
    assertThat(ResidentIdNumber.check("11010519491231002x")).isEqualTo(Verdict.VALID);
    assertThat(ResidentIdNumber.normalize("11010519491231002x")).isEqualTo("11010519491231002X");
    assertThat(ResidentIdNumber.normalize("440304199003074510")).isEqualTo("440304199003074510");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "11010519491231002", // 17
        "11010519491231002X0", // 19
        "110105194912310", // the old 15-digit form is not accepted
        "1101051949123100AX",
        "X10105194912310020",
        "11010519491231002Y",
        "１１０１０５１９４９１２３１００２Ｘ" // full-width digits
      })
  void refusesMalformedNumbers(String number) {
    assertThat(ResidentIdNumber.check(number)).isEqualTo(Verdict.MALFORMED);
    assertThat(ResidentIdNumber.isValid(number)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519490230", // February 30
        "11010519000229", // 1900 is not a leap year
        "11010519491301", // month 13
        "11010519491200", // day 0
        "11010519490431", // April 31
        "11010500000101", // year 0000
        "11010517991231" // before 1800
      })
  void refusesBirthDatesThatDoNotExist(String first14) {
    String first17 = first14 + "002";
    String number = first17 + ResidentIdNumber.checkCharacter(first17);
    assertThat(ResidentIdNumber.check(number)).isEqualTo(Verdict.INVALID_BIRTH_DATE);
  }

  @Test
  void checkCharacterNeedsSeventeenDigits() {
    assertThatThrownBy(() -> ResidentIdNumber.checkCharacter("1101"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ResidentIdNumber.checkCharacter("1101051949123100A"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void masksAllButTheFirstAndLastFourOfAFullNumber() {
    assertThat(ResidentIdNumber.mask("11010519491231002X")).isEqualTo("1101**********002X");
  }

  @Test
  void maskNeverShowsTheBirthDate() {
    String masked = ResidentIdNumber.mask("11010519491231002X");
    assertThat(masked).doesNotContain("19491231").doesNotContain("1949");
    assertThat(masked).hasSize(18);
  }

  @Test
  void masksShortValuesHarder() {
    assertThat(ResidentIdNumber.mask("H12345678")).isEqualTo("*********");
    assertThat(ResidentIdNumber.mask("123456789012")).isEqualTo("1**********2");
    assertThat(ResidentIdNumber.mask("")).isEmpty();
    assertThat(ResidentIdNumber.mask(null)).isNull();
  }

  @Test
  void masksEveryNumberInFreeText() {
    String text = "Alipay refused 11010519491231002X and 11010519491231002x (twice); order 42";
    assertThat(ResidentIdNumber.maskWithin(text))
        .isEqualTo("Alipay refused 1101**********002X and 1101**********002x (twice); order 42");
  }

  @Test
  void leavesLongerDigitRunsAndPlainTextAlone() {
    assertThat(ResidentIdNumber.maskWithin("no ids here")).isEqualTo("no ids here");
    assertThat(ResidentIdNumber.maskWithin(null)).isNull();
    // 20 digits is not an ID number (an offset, an order number), do not mangle it
    assertThat(ResidentIdNumber.maskWithin("12345678901234567890"))
        .isEqualTo("12345678901234567890");
  }
}
