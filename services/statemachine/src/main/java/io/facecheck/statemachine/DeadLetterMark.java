package io.facecheck.statemachine;

import java.util.Objects;

/**
 * The mark a verification in DEAD_LETTERED carries: why it waits there, and the status it left, to
 * which an ops replay returns it. (The worker's {@code deadletter.DeadLetter} is a Kafka record on
 * its way to a dead-letter topic.)
 */
public record DeadLetterMark(VerificationStatus returnsTo, String reason) {

  public DeadLetterMark {
    Objects.requireNonNull(returnsTo, "returnsTo");
    Objects.requireNonNull(reason, "reason");
  }
}
