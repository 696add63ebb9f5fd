package io.facecheck.worker.support;

import io.facecheck.contracts.request.ParseOutcome;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.pii.PiiCipher;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.worker.initiation.OuterOrderNumbers;
import java.time.Clock;

/**
 * Verifications put in a given state through the real store and transition methods, as an earlier
 * delivery of the same record would have left them (same canonical hash, so the record finds them).
 */
public final class PreparedVerifications {

  private static final String SOURCE = "worker@it-setup";

  private final RequestParser parser;
  private final PiiCipher cipher;
  private final VerificationStore store;

  public PreparedVerifications(RequestParser parser, PiiCipher cipher, VerificationStore store) {
    this.parser = parser;
    this.cipher = cipher;
    this.store = store;
  }

  /** RECEIVED, as a worker that crashed right after the insert leaves it. */
  public Verification received(byte[] record) {
    ParseOutcome.Valid valid = (ParseOutcome.Valid) parser.parse(record);
    CreateOutcome created =
        store.create(
            NewVerification.seal(valid.request(), valid.canonicalHash(), cipher, Clock.systemUTC()),
            SOURCE);
    return ((CreateOutcome.Created) created).verification();
  }

  /** INITIALIZING with its outer_order_no, as a worker that crashed before calling Alipay. */
  public Verification initializing(byte[] record) {
    Verification received = received(record);
    var change = received.markInitializing(OuterOrderNumbers.of(received.id()));
    if (!store.apply(change, SOURCE)) {
      throw new IllegalStateException("could not prepare INITIALIZING");
    }
    return change.after();
  }
}
