package io.facecheck.intake;

import static io.facecheck.intake.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.request.ParseOutcome;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.PiiKeyRing;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.statemachine.jdbc.JdbcVerificationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Verifications written as the worker writes them, through the real store and the real transition
 * methods, so the intake reads rows exactly like production ones.
 */
final class StoredVerifications {

  static final String REQUEST_HASH_KEY = "facecheck-test-request-hash-key";
  private static final String SOURCE = "intake-it";

  private final RequestParser parser =
      new RequestParser(REQUEST_HASH_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  private final PiiCipher cipher =
      new PiiCipher(PiiKeyRing.of("it-key", Map.of("it-key", new byte[32])));
  private final VerificationStore store;

  StoredVerifications(DataSource dataSource) {
    this.store = JdbcVerificationStore.of(dataSource, Clock.systemUTC());
  }

  /** RECEIVED, as recorded on receipt of {@code json}. */
  Verification stored(String json) {
    ParseOutcome.Valid valid = (ParseOutcome.Valid) parser.parse(bytes(json));
    CreateOutcome created =
        store.create(
            NewVerification.seal(valid.request(), valid.canonicalHash(), cipher, Clock.systemUTC()),
            SOURCE);
    return ((CreateOutcome.Created) created).verification();
  }

  /** Moved on to AWAITING_USER with certify URL {@code https://sim.example/certify?id=c-1}. */
  Verification awaitingUser(Verification received) {
    String outerOrderNo = received.id().toString().replace("-", "");
    assertThat(store.apply(received.markInitializing(outerOrderNo), SOURCE)).isTrue();
    Verification initializing = store.find(received.id()).orElseThrow();
    assertThat(
            store.apply(
                initializing.markAwaitingUser(
                    "c-1", "https://sim.example/certify?id=c-1", Instant.now().plusSeconds(60)),
                SOURCE))
        .isTrue();
    return store.find(received.id()).orElseThrow();
  }
}
