package io.facecheck.reconciler.ladder;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumes a verification parked while it waited for its user once ops asked for its replay in the
 * database (bound to the parked version, so it resumes once): back to AWAITING_USER with a query
 * due at once, and the ladder carries on from there. Verifications parked before their certify URL
 * are the worker's to resume.
 */
public class ReplayResumes {

  private static final Logger log = LoggerFactory.getLogger(ReplayResumes.class);

  private final VerificationStore store;
  private final StalledVerifications stalled;
  private final int batch;
  private final String source;

  public ReplayResumes(
      VerificationStore store, StalledVerifications stalled, int batch, String source) {
    this.store = store;
    this.stalled = stalled;
    this.batch = batch;
    this.source = source;
  }

  /**
   * @return how many were resumed
   */
  public int resumeRequested(Instant now) {
    int resumed = 0;
    for (UUID id : stalled.replayRequestedWhileAwaitingUser(batch)) {
      Verification v = store.find(id).orElse(null);
      if (v != null
          && v.deadLetter() != null
          && v.deadLetter().returnsTo() == VerificationStatus.AWAITING_USER
          && store.replayRequested(v)
          && store.apply(v.resumeFromDeadLetter(now), source)) {
        log.info("verification {}: resumed on ops' replay request", id);
        resumed++;
      }
    }
    return resumed;
  }
}
