package io.facecheck.ops.deadletter;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.testing.Fixtures;

/** The verifications the dead-letter records of {@link Records} name, reached through Fixtures. */
final class RecordVerifications {

  private RecordVerifications() {}

  static Verification deadLettered() {
    return Fixtures.received("order-42")
        .markInitializing("FC1")
        .after()
        .markDeadLettered("PROVIDER_CONFIG")
        .after();
  }

  static Verification rejected() {
    return Fixtures.received("order-42").markRejected("UNKNOWN_APP", "/app", "no such app").after();
  }
}
