package io.facecheck.worker;

import static io.facecheck.worker.support.StoredVerificationReader.header;
import static io.facecheck.worker.support.StoredVerificationReader.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole worker (Kafka, PostgreSQL, the real SDK over HTTP to the simulator) with one app in
 * each combination of mode and encryption, requests routed by their {@code app}: each ends with a
 * certify URL the simulator serves and a query answered PASSED; a wrong AES key is dead-lettered
 * PROVIDER_CONFIG after one call.
 */
class AlipayModesPipelineIT extends LiveWorker {

  @DynamicPropertySource
  static void modes(DynamicPropertyRegistry registry) {
    var sim = SimulatedAlipay.simulator();
    ModeSettings.app(registry, sim, "pk", "2021000000014001", false, false);
    ModeSettings.app(registry, sim, "pk-aes", "2021000000014002", false, true);
    ModeSettings.app(registry, sim, "cert", "2021000000014003", true, false);
    ModeSettings.app(registry, sim, "cert-aes", "2021000000014004", true, true);
    // registered with one AES key at the simulator, configured with another
    ModeSettings.app(registry, sim, "cert-aes-wrong", "2021000000014005", true, true);
    registry.add("facecheck.worker.alipay.apps.cert-aes-wrong.encrypt-key", ModeSettings::aesKey);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pk", "pk-aes", "cert", "cert-aes"})
  void aRequestEndsWithACertifyUrlAndAQueryAnswersPassed(String app, CapturedOutput output)
      throws Exception {
    String requestId = app + "-" + UUID.randomUUID();
    producer.send(
        Topics.REQUESTS, requestId, RequestJson.request(CLIENT, requestId, name(), certNo(), app));
    producer.flush();

    Map<String, Object> row = awaitStatus(requestId, "AWAITING_USER");
    String certifyUrl = (String) row.get("certify_url");
    assertThat(certifyUrl.contains("app_cert_sn=")).isEqualTo(app.startsWith("cert"));
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(certifyUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.body()).contains("id=\"pass\"");

    UUID id = (UUID) row.get("id");
    String certifyId = (String) row.get("certify_id");
    SimulatedAlipay.simulator().complete(certifyId, true, false);
    UUID queryId = QueryCommands.send(producer, id, certifyId, app);
    producer.flush();
    List<VerificationQueryResult> results =
        queryResults
            .awaitMatching(r -> QueryCommands.parse(r).queryId().equals(queryId), 1, WAIT)
            .stream()
            .map(QueryCommands::parse)
            .toList();
    assertThat(results.get(0).outcome()).isEqualTo(QueryOutcome.PASSED);
    assertNoPiiLogged(output);
  }

  @org.junit.jupiter.api.Test
  void aWrongAesKeyIsDeadLetteredAsAConfigurationErrorAfterOneCall(CapturedOutput output) {
    String requestId = "aes-wrong-" + UUID.randomUUID();
    producer.send(
        Topics.REQUESTS,
        requestId,
        RequestJson.request(CLIENT, requestId, name(), certNo(), "cert-aes-wrong"));
    producer.flush();

    awaitStatus(requestId, "DEAD_LETTERED");
    ConsumerRecord<byte[], byte[]> dead =
        requestDeadLetters.awaitMatching(r -> key(r).equals(requestId), 1, WAIT).get(0);
    assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("PROVIDER_CONFIG");
    assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
    assertThat(header(dead, DeadLetterHeaders.ERROR_MESSAGE))
        .contains("isv.decryption-error-unknown");
    assertNoPiiLogged(output);
  }
}
