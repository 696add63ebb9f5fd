package io.facecheck.ops.masking;

/**
 * A cert_name as ops may see it: its first character and a star for each further one ({@code 张**}),
 * enough to tell two records apart without naming anyone.
 */
public final class MaskedName {

  private MaskedName() {}

  public static String of(String name) {
    if (name == null) {
      return null;
    }
    int characters = name.codePointCount(0, name.length());
    if (characters <= 1) {
      return "*".repeat(characters);
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first) + "*".repeat(characters - 1);
  }

  /** Every character a star: for values of unknown meaning found where an identity belongs. */
  public static String hidden(String text) {
    return text == null ? null : "*".repeat(text.codePointCount(0, text.length()));
  }
}
