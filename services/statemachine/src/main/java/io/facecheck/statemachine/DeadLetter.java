package io.facecheck.statemachine;

import java.util.Objects;

/** Why a verification waits in DEAD_LETTERED, and the status an ops replay returns it to. */
public record DeadLetter(VerificationStatus left, String reason) {

  public DeadLetter {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(reason, "reason");
  }
}
