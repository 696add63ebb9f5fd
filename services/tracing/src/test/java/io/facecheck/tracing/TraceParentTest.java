package io.facecheck.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link TraceParent#isValid} accepts exactly what the W3C pattern it replaced accepted: checked
 * against that pattern on hand-picked cases and on many mutations of a valid value.
 */
class TraceParentTest {

  private static final Pattern W3C =
      Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  private static final String VALID = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @Test
  void acceptsWellFormedValues() {
    assertThat(TraceParent.isValid(VALID)).isTrue();
    assertThat(TraceParent.isValid("ff-00000000000000000000000000000000-0000000000000000-00"))
        .isTrue();
  }

  @Test
  void rejectsWhatThePatternRejects() {
    List<String> rejected =
        List.of(
            "",
            "00",
            VALID.toUpperCase(java.util.Locale.ROOT),
            VALID + "-",
            VALID + "0",
            VALID.substring(1),
            " " + VALID.substring(1),
            VALID.replace('-', '_'),
            "000af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-",
            "00-0af7651916cd43dd8448eb211c80319cb-7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333g-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0\u0000",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0\uff10");
    for (String value : rejected) {
      assertThat(W3C.matcher(value).matches()).as(value).isFalse();
      assertThat(TraceParent.isValid(value)).as(value).isFalse();
    }
    assertThat(TraceParent.isValid(null)).isFalse();
  }

  @Test
  void agreesWithThePatternOnMutationsOfAValidValue() {
    Random random = new Random(9);
    String alphabet = "0123456789abcdefABCDEFgxz-_ \u0000\u00e9\uff10";
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      StringBuilder value = new StringBuilder(VALID);
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(value.length() + 1);
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> value.insert(at, c);
          case 1 -> {
            if (at < value.length()) {
              value.deleteCharAt(at);
            }
          }
          default -> {
            if (at < value.length()) {
              value.setCharAt(at, c);
            }
          }
        }
      }
      values.add(value.toString());
    }
    int accepted = 0;
    for (String value : values) {
      boolean expected = W3C.matcher(value).matches();
      assertThat(TraceParent.isValid(value)).as(value).isEqualTo(expected);
      accepted += expected ? 1 : 0;
    }
    // the corpus holds both outcomes in numbers (a valid hex digit swapped in keeps it valid)
    assertThat(accepted).isGreaterThan(1_000).isLessThan(values.size() - 1_000);
  }

  @Test
  void traceIdAndSpanContextOfAValidValue() {
    assertThat(TraceParent.traceId(VALID)).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(TraceParent.spanContext(VALID).getSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(TraceParent.traceId("00-nope")).isNull();
    assertThat(TraceParent.spanContext("00-nope").isValid()).isFalse();
  }
}
