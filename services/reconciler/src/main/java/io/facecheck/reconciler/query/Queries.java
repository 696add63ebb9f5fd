package io.facecheck.reconciler.query;

import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.statemachine.Verification;
import java.time.Instant;
import java.util.UUID;

/** Builds the query command for a verification. */
public final class Queries {

  private Queries() {}

  public static VerificationQuery of(Verification v, QueryReason reason, Instant now) {
    return VerificationQuery.of(
        UUID.randomUUID(), v.id(), v.submission().app(), v.certifyId(), reason, now);
  }
}
