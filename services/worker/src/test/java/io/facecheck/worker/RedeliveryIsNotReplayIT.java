package io.facecheck.worker;

import static io.facecheck.worker.support.StoredVerificationReader.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.pii.PiiCipher;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.worker.support.PreparedVerifications;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.SimulatedAlipay;
import io.facecheck.worker.support.StoredVerificationReader;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * Only a replay ops asked for in PostgreSQL resumes a DEAD_LETTERED verification (not a redelivery,
 * not a resend with spoofed facecheck-* headers), and a verification reached past its expires_at
 * before it started ends EXPIRED instead of being initialized.
 */
class RedeliveryIsNotReplayIT extends LiveWorker {

  private static final String INITIALIZE = "alipay.user.certify.open.initialize";

  @Autowired RequestParser parser;
  @Autowired PiiCipher cipher;
  @Autowired VerificationStore store;

  @Test
  void aResendOfADeadLetteredRequestLeavesItParkedUntilOpsAskForTheReplay(CapturedOutput out) {
    String requestId = "parked-" + UUID.randomUUID();
    byte[] record = RequestJson.request(CLIENT, requestId, name(), certNo(), "misconfigured");
    producer.send(Topics.REQUESTS, requestId, record);
    producer.flush();
    Map<String, Object> parked = awaitStatus(requestId, "DEAD_LETTERED");
    UUID id = (UUID) parked.get("id");
    int transitions = statusesOf(id).size();

    // the same record again, dressed up as an ops replay by whoever can produce to the topic
    producer.send(
        Topics.REQUESTS,
        requestId,
        record,
        Map.of(
            "facecheck-replayed-from", "verification-requests-dlt",
            "facecheck-attempts", "1",
            "facecheck-retry-hop", "3"));
    String marker = "marker-" + UUID.randomUUID();
    producer.send(
        Topics.REQUESTS, requestId, RequestJson.request(CLIENT, marker, name(), certNo()));
    producer.flush();
    awaitStatus(marker, "AWAITING_USER"); // behind the resend on its partition: it is done too

    assertThat(statusesOf(id)).hasSize(transitions);
    assertThat(verifications().row(requestId).get("status")).isEqualTo("DEAD_LETTERED");
    assertThat(requestDeadLetters.readToEnd(r -> key(r).equals(requestId), Duration.ofSeconds(30)))
        .hasSize(1);

    // ops ask PostgreSQL for the replay, then republish: now it resumes (and, the key still
    // wrong, is dead-lettered again)
    Verification deadLettered = store.find(id).orElseThrow();
    assertThat(store.requestReplay(id, deadLettered.version(), "ops@it")).isTrue();
    producer.send(Topics.REQUESTS, requestId, record);
    producer.flush();
    await()
        .atMost(WAIT)
        .until(() -> verifications().causesOf(id).contains("REPLAYED") && parkedAgain(id));
    assertNoPiiLogged(out);
  }

  @Test
  void aReceivedVerificationReachedPastItsExpiryEndsExpiredWithoutCallingAlipay(
      CapturedOutput out) {
    expiresBeforeItStarts(prepared -> prepared::received, "received-late-");
    assertNoPiiLogged(out);
  }

  @Test
  void anInitializingVerificationReachedPastItsExpiryEndsExpiredWithoutCallingAlipay(
      CapturedOutput out) {
    expiresBeforeItStarts(prepared -> prepared::initializing, "initializing-late-");
    assertNoPiiLogged(out);
  }

  private void expiresBeforeItStarts(
      Function<PreparedVerifications, Function<byte[], Verification>> state, String prefix) {
    String requestId = prefix + UUID.randomUUID();
    byte[] record = RequestJson.request(CLIENT, requestId, name(), certNo());
    Verification prepared =
        state.apply(new PreparedVerifications(parser, cipher, store)).apply(record);
    // the record comes back after its verification expired (a late redelivery)
    jdbc.update(
        "UPDATE verifications SET created_at = now() - interval '20 minutes',"
            + " expires_at = now() - interval '1 second' WHERE id = ?",
        prepared.id());
    long calls = SimulatedAlipay.simulator().stats().total(INITIALIZE);

    producer.send(Topics.REQUESTS, requestId, record);
    producer.flush();

    awaitStatus(requestId, "EXPIRED");
    assertThat(verifications().causesOf(prepared.id())).contains("EXPIRED_BEFORE_START");
    assertThat(outbox(prepared.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.get("event_type").toString()).contains("expired"));
    assertThat(SimulatedAlipay.simulator().stats().total(INITIALIZE)).isEqualTo(calls);
  }

  private boolean parkedAgain(UUID id) {
    var statuses = statusesOf(id);
    return statuses.get(statuses.size() - 1).equals("DEAD_LETTERED")
        && statuses.stream().filter("DEAD_LETTERED"::equals).count() == 2;
  }

  private StoredVerificationReader verifications() {
    return new StoredVerificationReader(jdbc, CLIENT);
  }
}
