package io.facecheck.intake;

import static io.facecheck.intake.Fixtures.CERT_NAME;
import static io.facecheck.intake.Fixtures.CERT_NO;
import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.requestJson;
import static io.facecheck.testinfra.WholeTopicReader.after;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The hostile-input corpus on the HTTP door: strings PostgreSQL or JSON cannot hold, extreme
 * numbers, deep nesting, duplicate keys, odd Unicode, oversized bodies and headers, wrong content
 * types, huge or repeated callback tokens, spoofed headers. Each ends in exactly one clear 4xx
 * naming the field or the problem, and nothing refused is published.
 */
class HostileInputIT extends LiveIntake {

  private static final String CALLBACK = "/v1/callbacks/alipay/return?token=";

  @Test
  void refusesMetadataPostgresCannotStoreNamingTheField() throws Exception {
    var mark = requests.mark();
    String withNul = requestJson(CLIENT, "it-nul-1").replace("\"42\"", "\"4\\u00002\"");

    HttpResponse<String> response = intake.post(LOAN_TOKEN, withNul);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(IntakeHttp.error(response)).isEqualTo("invalid_request");
    assertThat(IntakeHttp.fieldsAtFault(response)).containsExactly("metadata.order");
    assertThat(JSON.readTree(response.body()).get("errors").get(0).get("code").asString())
        .isEqualTo("unstorable_character");
    assertNothingPublished(requests, mark);
  }

  @Test
  void refusesEveryHostileRequestWithOneClearAnswerAndPublishesNothing() throws Exception {
    var requestMark = requests.mark();
    var callbackMark = callbacks.mark();
    SoftAssertions softly = new SoftAssertions();

    for (Case hostile : corpus()) {
      HttpResponse<String> response = intake.send(hostile.request());
      softly
          .assertThat(response.statusCode())
          .as("%s: status (body %s)", hostile.name(), abbreviated(response.body()))
          .isEqualTo(hostile.status());
      if (hostile.names() != null) {
        softly
            .assertThat(named(response))
            .as("%s: what the answer names", hostile.name())
            .contains(hostile.names());
      }
      softly
          .assertThat(response.body())
          .as("%s: the answer repeats no identity", hostile.name())
          .doesNotContain(CERT_NO)
          .doesNotContain(CERT_NAME);
    }
    softly.assertAll();
    assertNothingPublished(requests, requestMark);
    assertNothingPublished(callbacks, callbackMark);
  }

  @Test
  void forwardsOddButStorableInputByteForByteAndNoSpoofedHeader() throws Exception {
    var mark = requests.mark();
    // zero-width space, an emoji, a noncharacter and a right-to-left override: odd, storable
    String body =
        requestJson(CLIENT, "it-odd-1")
            .replace("\"42\"", "\"4\\u200b2 \uD83D\uDE00 \uFFFF \u202Eevil\"");

    HttpResponse<String> response =
        intake.send(
            json(body)
                .header("Accept", "application/xml")
                .header("facecheck-dlt-reason", "UNSTORABLE")
                .header("facecheck-replay", "true")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("Forwarded", "host=evil.example;proto=https")
                // baggage would ride on every internal topic: facecheck propagates none
                .header("baggage", "cert_no=11010519491231002X")
                .build());

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(response.headers().firstValue("Location")).contains("/v1/verifications/it-odd-1");
    List<ConsumerRecord<byte[], byte[]>> records = requests.awaitMatching(after(mark), 1);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).value()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    // only the trace context of the request's own span: nothing the client sent
    assertThat(records.get(0).headers().toArray())
        .extracting(h -> h.key())
        .containsExactly("traceparent");
  }

  // --- the corpus

  private record Case(String name, HttpRequest request, int status, String names) {}

  private List<Case> corpus() {
    String valid = requestJson(CLIENT, "it-hostile-1");
    List<Case> cases = new ArrayList<>();
    // strings PostgreSQL or JSON cannot hold
    invalid(
        cases,
        "U+0000 in a property name",
        metadata(valid, "{\"or\\u0000der\": \"42\"}"),
        "metadata");
    invalid(
        cases,
        "unpaired surrogate in cert_name",
        valid.replace(CERT_NAME, "\\udc00"),
        "identity.cert_name");
    unparseable(
        cases,
        "overlong UTF-8",
        bytesWith(valid, new byte[] {(byte) 0xC0, (byte) 0x80}),
        "NOT_UTF8");
    unparseable(
        cases,
        "CESU-8 surrogate",
        bytesWith(valid, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
        "NOT_UTF8");
    unparseable(cases, "UTF-16 with BOM", valid.getBytes(StandardCharsets.UTF_16), "NOT_UTF8");
    unparseable(
        cases, "UTF-8 BOM", ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8), "INVALID_JSON");
    // extreme numbers
    invalid(cases, "ttl 1e400", valid.replace("900", "1e400"), "ttl_seconds");
    invalid(cases, "ttl of 999 digits", valid.replace("900", "9".repeat(999)), "ttl_seconds");
    unparseable(
        cases,
        "ttl of 1,001 digits",
        utf8(valid.replace("900", "9".repeat(1_001))),
        "INVALID_JSON");
    invalid(
        cases,
        "ttl below Long.MIN_VALUE",
        valid.replace("900", "-9223372036854775809"),
        "ttl_seconds");
    unparseable(cases, "ttl NaN", utf8(valid.replace("900", "NaN")), "INVALID_JSON");
    invalid(
        cases,
        "schema_version 1e-400",
        valid.replace("\"schema_version\": 1", "\"schema_version\": 1e-400"),
        "schema_version");
    // deep nesting: refused by the parser's depth limit, no stack overflow
    unparseable(
        cases,
        "10,000 nested arrays",
        utf8(metadata(valid, "{\"order\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}")),
        "INVALID_JSON");
    unparseable(
        cases,
        "5,000 nested objects",
        utf8(
            metadata(
                valid, "{\"order\": " + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}")),
        "INVALID_JSON");
    unparseable(cases, "30,000 unclosed arrays", utf8("[".repeat(30_000)), "INVALID_JSON");
    // duplicate keys: two parsers could disagree about which value counts
    unparseable(
        cases,
        "duplicate request_id",
        utf8(valid.replace("\"request_id\"", "\"request_id\": \"other\", \"request_id\"")),
        "INVALID_JSON");
    unparseable(
        cases,
        "duplicate cert_no",
        utf8(valid.replace("\"cert_no\"", "\"cert_no\": \"110105194912310037\", \"cert_no\"")),
        "INVALID_JSON");
    // odd Unicode in identifiers
    invalid(
        cases,
        "right-to-left override in request_id",
        valid.replace("it-hostile-1", "it-\u202Ehostile"),
        "request_id");
    invalid(
        cases,
        "fullwidth digits in request_id",
        valid.replace("it-hostile-1", "it-１２３"),
        "request_id");
    invalid(
        cases,
        "Cyrillic a in client_id",
        valid.replace("\"loan-service\"", "\"lo\u0430n-service\""),
        "client_id");
    invalid(
        cases,
        "zero-width space in biz_code",
        valid.replace("\"FACE\"", "\"FACE\u200b\""),
        "biz_code");
    // not one JSON object
    unparseable(cases, "trailing content", utf8(valid + " x"), "INVALID_JSON");
    unparseable(cases, "JSON null", utf8("null"), "NOT_AN_OBJECT");
    unparseable(cases, "empty body", new byte[0], "NOT_AN_OBJECT");
    // oversized bodies and headers
    String padded = metadata(valid, "{\"pad\": \"" + "x".repeat(70_000) + "\"}");
    cases.add(new Case("70 KB with Content-Length", json(utf8(padded)).build(), 413, "TOO_LARGE"));
    cases.add(
        new Case(
            "1 MB chunked",
            post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1 << 20])))
                .header("Content-Type", "application/json")
                .build(),
            413,
            "TOO_LARGE"));
    cases.add(
        new Case(
            "20 KB header",
            json(utf8(valid)).header("X-Padding", "x".repeat(20_000)).build(),
            400,
            null));
    cases.add(
        new Case(
            "10 KB bearer token",
            intake
                .request("/v1/verifications")
                .header("Authorization", "Bearer " + "t".repeat(10_000))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(valid))
                .build(),
            400,
            null));
    // wrong content types: refused before the body is read
    for (String type :
        List.of(
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/xml",
            "application/json; charset=ISO-8859-1",
            "application/json; charset=no-such-charset",
            "garbage/;;")) {
      cases.add(
          new Case(
              "Content-Type " + type,
              post(BodyPublishers.ofString(valid)).header("Content-Type", type).build(),
              415,
              "unsupported_media_type"));
    }
    cases.add(
        new Case(
            "no Content-Type",
            post(BodyPublishers.ofString(valid)).build(),
            415,
            "unsupported_media_type"));
    cases.add(
        new Case(
            "gzip Content-Encoding",
            json(utf8(valid)).header("Content-Encoding", "gzip").build(),
            415,
            "unsupported_media_type"));
    // the callback door
    callback(cases, "6,000-character token", "A".repeat(6_000), 400, "malformed_token");
    callback(cases, "token with %00", "AAAA%00AAAA", 400, "malformed_token");
    callback(cases, "token of non-ASCII", "%E5%BC%A0%E4%B8%89", 400, "malformed_token");
    callback(cases, "two tokens", "AAAA&token=BBBB", 400, "malformed_token");
    cases.add(
        new Case(
            "100,000-character token",
            intake.request(CALLBACK + "A".repeat(100_000)).GET().build(),
            400,
            null));
    return cases;
  }

  private void invalid(List<Case> cases, String name, String body, String field) {
    cases.add(new Case(name, json(utf8(body)).build(), 400, field));
  }

  private void unparseable(List<Case> cases, String name, byte[] body, String reason) {
    cases.add(new Case(name, json(body).build(), 400, reason));
  }

  private void callback(List<Case> cases, String name, String token, int status, String error) {
    cases.add(new Case(name, intake.request(CALLBACK + token).GET().build(), status, error));
  }

  private HttpRequest.Builder json(String body) {
    return json(utf8(body));
  }

  private HttpRequest.Builder json(byte[] body) {
    return post(BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
  }

  private HttpRequest.Builder post(HttpRequest.BodyPublisher body) {
    return intake
        .request("/v1/verifications")
        .header("Authorization", "Bearer " + LOAN_TOKEN)
        .POST(body);
  }

  private static String metadata(String request, String metadata) {
    return request.replace("{\"order\": \"42\"}", metadata);
  }

  /** {@code request} with {@code raw} bytes in place of the metadata value's first character. */
  private static byte[] bytesWith(String request, byte[] raw) {
    String[] halves = request.split("\"42\"", 2);
    byte[] head = utf8(halves[0] + "\"");
    byte[] tail = utf8("2\"" + halves[1]);
    byte[] all = new byte[head.length + raw.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(raw, 0, all, head.length, raw.length);
    System.arraycopy(tail, 0, all, head.length + raw.length, tail.length);
    return all;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The error code, reason and fields an answer names, as one string. */
  private static String named(HttpResponse<String> response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      StringBuilder names = new StringBuilder(body.path("error").asString(""));
      names.append(' ').append(body.path("reason").asString(""));
      body.path("errors")
          .valueStream()
          .forEach(e -> names.append(' ').append(e.get("field").asString()));
      return names.toString();
    } catch (RuntimeException e) {
      return "(not JSON) " + abbreviated(response.body());
    }
  }

  private static String abbreviated(String body) {
    return body == null || body.length() < 200 ? body : body.substring(0, 200) + "…";
  }
}
