package io.facecheck.intake.lookup;

import io.facecheck.statemachine.Verification;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only access to verifications: the intake never changes one (the worker owns them). Both
 * methods throw {@link LookupUnavailableException} when PostgreSQL does not answer in time.
 */
public interface VerificationLookup {

  /** The verification with this idempotency key, if the worker has recorded it yet. */
  Optional<Verification> byRequest(String clientId, String requestId);

  Optional<Verification> byId(UUID verificationId);
}
