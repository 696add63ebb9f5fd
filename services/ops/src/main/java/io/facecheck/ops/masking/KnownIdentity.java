package io.facecheck.ops.masking;

import io.facecheck.contracts.identity.ResidentIdNumber;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cert_names and cert_nos a record is known to carry, so that any text shown beside it (its
 * key, the error message header, metadata) can be scrubbed of them, not only of what looks like a
 * resident ID number.
 */
public final class KnownIdentity {

  public static final KnownIdentity NONE = new KnownIdentity(Set.of(), Set.of());

  private final List<String> names;
  private final List<String> numbers;

  public KnownIdentity(Set<String> names, Set<String> numbers) {
    this.names = longestFirst(names);
    this.numbers = longestFirst(numbers);
  }

  /**
   * {@code text} with every known cert_no masked as {@link ResidentIdNumber#mask} does, every known
   * cert_name as {@link MaskedName}, and anything else shaped like a resident ID number masked.
   */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String scrubbed = text;
    for (String number : numbers) {
      scrubbed = scrubbed.replace(number, ResidentIdNumber.mask(number));
    }
    for (String name : names) {
      scrubbed = scrubbed.replace(name, MaskedName.of(name));
    }
    return ResidentIdNumber.maskWithin(scrubbed);
  }

  public boolean isEmpty() {
    return names.isEmpty() && numbers.isEmpty();
  }

  /** Longest first, so a name containing another is replaced whole. */
  private static List<String> longestFirst(Set<String> values) {
    Set<String> kept = new LinkedHashSet<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        kept.add(value);
      }
    }
    return kept.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }
}
