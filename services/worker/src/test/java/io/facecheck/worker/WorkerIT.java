package io.facecheck.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.worker.support.QueryCommands;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.SimulatedAlipay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * A valid request through the worker to a certify URL the simulator serves, once however often it
 * is sent, and the query commands the reconciler sends later.
 */
class WorkerIT extends LiveWorker {

  @Test
  void validRequestEndsAwaitingUserWithACertifyUrlTheSimulatorAccepts(CapturedOutput output)
      throws Exception {
    String requestId = "order-" + UUID.randomUUID();
    sendRequest(requestId, name(), certNo());

    Map<String, Object> row = awaitStatus(requestId, "AWAITING_USER");
    UUID id = (UUID) row.get("id");
    assertThat(row.get("outer_order_no")).isEqualTo(id.toString().replace("-", ""));
    assertThat(statusesOf(id)).containsExactly("RECEIVED", "INITIALIZING", "AWAITING_USER");
    assertThat(row.get("next_query_at")).isNotNull();

    List<Map<String, Object>> events = outbox(id);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("event_type")).isEqualTo("verification.certify_url_issued");
    String certifyUrl = (String) row.get("certify_url");
    assertThat(events.get(0).get("payload").toString()).contains("AWAITING_USER");
    assertThat(certifyUrl).startsWith(SimulatedAlipay.simulator().gatewayUrl());
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(certifyUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"pass\"");
    assertNoPiiLogged(output);
  }

  @Test
  void theSameRequestTwiceIsOneVerificationWithOneEvent(CapturedOutput output) {
    String requestId = "twice-" + UUID.randomUUID();
    byte[] value = RequestJson.request(CLIENT, requestId, name(), certNo());
    producer.send(Topics.REQUESTS, requestId, value);
    producer.send(Topics.REQUESTS, requestId, value);
    producer.flush();

    UUID id = (UUID) awaitStatus(requestId, "AWAITING_USER").get("id");
    // the second copy is consumed after the first (same key, same partition): let it land
    String later = "after-" + UUID.randomUUID();
    producer.send(Topics.REQUESTS, requestId, RequestJson.request(CLIENT, later, name(), certNo()));
    producer.flush();
    awaitStatus(later, "AWAITING_USER");

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM verifications WHERE client_id = ? AND request_id = ?",
                Long.class,
                CLIENT,
                requestId))
        .isEqualTo(1);
    assertThat(outbox(id)).hasSize(1);
    assertNoPiiLogged(output);
  }

  @Test
  void aQueryCommandIsAnsweredWithAlipaysResult(CapturedOutput output) {
    String requestId = "query-" + UUID.randomUUID();
    sendRequest(requestId, name(), certNo());
    Map<String, Object> row = awaitStatus(requestId, "AWAITING_USER");
    UUID id = (UUID) row.get("id");
    String certifyId = (String) row.get("certify_id");

    UUID notYet = sendQuery(id, certifyId);
    assertThat(awaitResult(notYet).outcome()).isEqualTo(QueryOutcome.NOT_PASSED);

    SimulatedAlipay.simulator().complete(certifyId, true, false);
    UUID passed = sendQuery(id, certifyId);
    VerificationQueryResult result = awaitResult(passed);
    assertThat(result.outcome()).isEqualTo(QueryOutcome.PASSED);
    assertThat(result.verificationId()).isEqualTo(id);
    assertThat(result.certifyId()).isEqualTo(certifyId);

    UUID unknown = sendQuery(id, "OC0000000000000000000000000unknown");
    assertThat(awaitResult(unknown).outcome()).isEqualTo(QueryOutcome.NOT_FOUND);
    assertNoPiiLogged(output);
  }

  private UUID sendQuery(UUID verificationId, String certifyId) {
    UUID queryId = QueryCommands.send(producer, verificationId, certifyId);
    producer.flush();
    return queryId;
  }

  private VerificationQueryResult awaitResult(UUID queryId) {
    List<VerificationQueryResult> results =
        queryResults
            .awaitMatching(r -> QueryCommands.parse(r).queryId().equals(queryId), 1, WAIT)
            .stream()
            .map(QueryCommands::parse)
            .toList();
    assertThat(results).hasSize(1);
    return results.get(0);
  }
}
