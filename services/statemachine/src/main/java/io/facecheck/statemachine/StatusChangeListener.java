package io.facecheck.statemachine;

/**
 * Hears every status change a {@link ListeningVerificationStore} persisted, after it won its
 * compare-and-set: metrics count them without the use cases knowing.
 */
@FunctionalInterface
public interface StatusChangeListener {

  /**
   * @param from the status before, or null when the verification was just stored
   * @param after the verification as it is now
   */
  void statusChanged(VerificationStatus from, Verification after);
}
