package io.facecheck.intake;

import io.facecheck.intake.lookup.LookupUnavailableException;
import io.facecheck.intake.lookup.VerificationLookup;
import io.facecheck.statemachine.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Verifications held in memory, counting look-ups. */
public final class FakeLookup implements VerificationLookup {

  private final List<Verification> rows = new ArrayList<>();
  public int lookups;
  private boolean unavailable;

  /** From now on every look-up fails as PostgreSQL not answering does. */
  public FakeLookup unavailable() {
    unavailable = true;
    return this;
  }

  /** PostgreSQL answers again. */
  public FakeLookup available() {
    unavailable = false;
    return this;
  }

  public FakeLookup with(Verification verification) {
    rows.add(verification);
    return this;
  }

  @Override
  public Optional<Verification> byRequest(String clientId, String requestId) {
    lookups++;
    failIfUnavailable();
    return rows.stream()
        .filter(v -> v.clientId().equals(clientId) && v.requestId().equals(requestId))
        .findFirst();
  }

  @Override
  public Optional<Verification> byId(UUID verificationId) {
    lookups++;
    failIfUnavailable();
    return rows.stream().filter(v -> v.id().equals(verificationId)).findFirst();
  }

  private void failIfUnavailable() {
    if (unavailable) {
      throw new LookupUnavailableException(new java.sql.SQLTransientConnectionException("paused"));
    }
  }
}
