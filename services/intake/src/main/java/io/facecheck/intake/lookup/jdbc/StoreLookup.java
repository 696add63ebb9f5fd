package io.facecheck.intake.lookup.jdbc;

import io.facecheck.intake.lookup.LookupUnavailableException;
import io.facecheck.intake.lookup.VerificationLookup;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Reads through the state machine's store, and only reads. A database that does not answer (no
 * connection within Hikari's short timeout, a socket timeout, a statement cancelled) becomes {@link
 * LookupUnavailableException}, which callers answer without PostgreSQL or with 503.
 */
public final class StoreLookup implements VerificationLookup {

  private final VerificationStore store;

  public StoreLookup(VerificationStore store) {
    this.store = store;
  }

  @Override
  public Optional<Verification> byRequest(String clientId, String requestId) {
    return unlessUnavailable(() -> store.findByRequest(clientId, requestId));
  }

  @Override
  public Optional<Verification> byId(UUID verificationId) {
    return unlessUnavailable(() -> store.find(verificationId));
  }

  private static <T> T unlessUnavailable(Supplier<T> read) {
    try {
      return read.get();
    } catch (DataAccessResourceFailureException // no connection, connection lost
        | TransientDataAccessException // query timeout, cancelled statement
        | RecoverableDataAccessException e) {
      throw new LookupUnavailableException(e);
    }
  }
}
