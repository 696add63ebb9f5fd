package io.facecheck.worker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.worker.alipay.AlipayClients;
import io.facecheck.worker.alipay.AlipayRetry;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.initiation.CertificationStarter;
import io.facecheck.worker.initiation.IssuedCertification;
import io.facecheck.worker.initiation.StartCertification;
import io.facecheck.worker.initiation.alipay.AlipayCertificationStarter;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.TestIdentities;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Requests the worker rejects (REJECTED, with the field or Alipay's sub code), while the requests
 * around them complete.
 */
@Import(RequestRejectedIT.AlipayJudgesOneNumberInvalid.class)
class RequestRejectedIT extends LiveWorker {

  /**
   * Our parser and the simulator check resident IDs alike, so no valid request earns a 40004 by
   * itself. For this one name the real starter is handed a number with a wrong check digit, as if
   * Alipay had judged the person's number invalid; the call and its answer are real.
   */
  static final String REFUSED_BY_ALIPAY = "驳回测试";

  @Autowired RequestParser parser;

  @Test
  void aBadCheckDigitIsRejectedNamingTheField(CapturedOutput output) {
    String requestId = "bad-digit-" + UUID.randomUUID();
    sendRequest(requestId, name(), TestIdentities.withWrongCheckDigit(certNo()));

    Map<String, Object> row = awaitStatus(requestId, "REJECTED");
    UUID id = (UUID) row.get("id");
    assertThat(row.get("error_field")).isEqualTo("/identity/cert_no");
    List<Map<String, Object>> events = outbox(id);
    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.get("event_type")).isEqualTo("verification.rejected"));
    assertThat(events.get(0).get("payload").toString()).contains("identity/cert_no");
    assertNoPiiLogged(output);
  }

  @Test
  void aBusinessRefusalFromAlipayEndsRejectedWithItsSubCode(CapturedOutput output) {
    String requestId = "refused-" + UUID.randomUUID();
    PII.add(REFUSED_BY_ALIPAY);
    sendRequest(requestId, REFUSED_BY_ALIPAY, certNo());

    Map<String, Object> row = awaitStatus(requestId, "REJECTED");
    UUID id = (UUID) row.get("id");
    assertThat(row.get("error_code")).isEqualTo("INVALID_CERT_NO");
    assertThat(statusesOf(id)).containsExactly("RECEIVED", "INITIALIZING", "REJECTED");
    assertThat(outbox(id))
        .singleElement()
        .satisfies(e -> assertThat(e.get("event_type")).isEqualTo("verification.rejected"));
    assertThat(outbox(id).get(0).get("payload").toString()).contains("INVALID_CERT_NO");
    assertNoPiiLogged(output);
  }

  @Test
  void anInvalidRequestIsStoredWithTheKeyedHashOfItsBytesNotAPlainSha256() throws Exception {
    String requestId = "hashed-" + UUID.randomUUID();
    byte[] record =
        RequestJson.request(
            CLIENT, requestId, name(), TestIdentities.withWrongCheckDigit(certNo()));
    producer.send(Topics.REQUESTS, requestId, record);
    producer.flush();

    Map<String, Object> row = awaitStatus(requestId, "REJECTED");
    String plain =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(record));
    // a plain SHA-256 over a record holding a cert_no lets anyone with the table confirm a guess
    assertThat(row.get("request_hash")).isNotEqualTo(plain).isEqualTo(parser.rawHash(record));
  }

  /** A request that breaks the contract in one way, and the field its REJECTED must name. */
  record BadRequest(String kind, String from, String to, String field) {
    byte[] apply(byte[] valid) {
      String json = new String(valid, UTF_8);
      assertThat(json).contains(from);
      return json.replace(from, to).getBytes(UTF_8);
    }

    @Override
    public String toString() {
      return kind;
    }
  }

  static List<BadRequest> badRequests() {
    return List.of(
        new BadRequest(
            "missing return_url",
            "\"return_url\":\"https://loan.example/kyc/done\",",
            "",
            "/return_url"),
        new BadRequest("missing cert_name", "\"cert_name\":", "\"name\":", "/identity"),
        new BadRequest("unknown biz_code", "\"FACE\"", "\"SELFIE\"", "/biz_code"),
        new BadRequest(
            "non-https return_url", "https://loan.example", "http://loan.example", "/return_url"),
        new BadRequest(
            "wrong shape", "\"ttl_seconds\":900", "\"ttl_seconds\":\"900\"", "/ttl_seconds"),
        new BadRequest(
            "wrong schema_version",
            "\"schema_version\":1",
            "\"schema_version\":2",
            "/schema_version"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void anInvalidRequestIsRejectedNamingTheFieldWhileItsNeighboursComplete(
      BadRequest bad, CapturedOutput output) {
    String requestId = "invalid-" + UUID.randomUUID();
    String before = "before-" + requestId;
    String after = "after-" + requestId;
    // one key for all three: one partition, so the one behind the bad record proves it moved on
    producer.send(
        Topics.REQUESTS, requestId, RequestJson.request(CLIENT, before, name(), certNo()));
    producer.send(
        Topics.REQUESTS,
        requestId,
        bad.apply(RequestJson.request(CLIENT, requestId, name(), certNo())));
    producer.send(Topics.REQUESTS, requestId, RequestJson.request(CLIENT, after, name(), certNo()));
    producer.flush();

    Map<String, Object> row = awaitStatus(requestId, "REJECTED");
    assertThat(row.get("error_code")).isEqualTo("INVALID_REQUEST");
    assertThat((String) row.get("error_field")).startsWith(bad.field());
    assertThat(outbox((UUID) row.get("id")))
        .singleElement()
        .satisfies(e -> assertThat(e.get("event_type")).isEqualTo("verification.rejected"));
    awaitStatus(before, "AWAITING_USER");
    awaitStatus(after, "AWAITING_USER");
    assertNoPiiLogged(output);
  }

  @TestConfiguration
  static class AlipayJudgesOneNumberInvalid {
    @Bean
    @Primary
    CertificationStarter refusingStarter(AlipayClients clients, AlipayRetry retry) {
      CertificationStarter real = new AlipayCertificationStarter(clients, retry);
      return new CertificationStarter() {
        @Override
        public boolean knowsApp(String app) {
          return real.knowsApp(app);
        }

        @Override
        public AttemptedCall<IssuedCertification> start(StartCertification c) {
          return real.start(
              REFUSED_BY_ALIPAY.equals(c.certName())
                  ? new StartCertification(
                      c.app(),
                      c.outerOrderNo(),
                      c.bizCode(),
                      c.certType(),
                      c.certName(),
                      TestIdentities.withWrongCheckDigit(c.certNo()),
                      c.returnUrl())
                  : c);
        }
      };
    }
  }
}
