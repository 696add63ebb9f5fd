package io.facecheck.devstack.chaos;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.devstack.demo.DemoRequests;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Records an adversarial producer sends (on both doors, Kafka and HTTP): bytes that are not JSON or
 * not UTF-8, JSON that is not an object, strings PostgreSQL cannot hold, deep nesting, duplicate
 * keys, extreme numbers, a null key, a tombstone, spoofed {@code facecheck-*} headers, oversized
 * headers, a record over 64 KiB and one near the broker's 1 MiB limit (its dead-letter copy plus
 * diagnostic headers no longer fits). Each must end in exactly one outcome.
 */
public final class HostileCorpus {

  /** One hostile record. {@code requestId} is null when it carries none to go by. */
  public record Item(
      String label,
      String channel,
      String clientId,
      String requestId,
      String key,
      byte[] value,
      Map<String, byte[]> headers) {}

  public static final String KAFKA_CLIENT = "chaos-hostile";

  // the valid parts of hostile requests get the run's TTL, so they settle with the rest
  private final int ttl;

  private HostileCorpus(int ttl) {
    this.ttl = ttl;
  }

  public static List<Item> items(
      Supplier<FakeIdentity> identities, String httpClient, String returnUrl, int ttlSeconds) {
    return new HostileCorpus(ttlSeconds).build(identities, httpClient, returnUrl);
  }

  private List<Item> build(Supplier<FakeIdentity> identities, String httpClient, String returnUrl) {
    List<Item> items = new ArrayList<>();
    kafka(items, "invalid-json", null, utf8("{\"schema_version\":1,\"request_id\":"));
    kafka(items, "not-utf8", null, new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'});
    kafka(items, "json-array", null, utf8("[1,2,3]"));
    kafka(items, "json-number", null, utf8("42"));
    kafka(items, "json-string", null, utf8("\"verification\""));
    kafka(items, "empty", null, new byte[0]);
    items.add(
        new Item("tombstone", "kafka", KAFKA_CLIENT, null, "hostile-tombstone", null, Map.of()));
    String nul = "hostile-nul";
    kafka(
        items,
        "nul-in-metadata",
        nul,
        json(
            request(identities, nul, returnUrl),
            "\"source\":\"devstack-demo\"",
            "\"source\":\"a\\u0000b\""));
    String surrogate = "hostile-surrogate";
    kafka(
        items,
        "unpaired-surrogate",
        surrogate,
        json(
            request(identities, surrogate, returnUrl),
            "\"source\":\"devstack-demo\"",
            "\"source\":\"\\ud800x\""));
    String deep = "hostile-deep";
    kafka(
        items,
        "deep-nesting",
        deep,
        json(
            request(identities, deep, returnUrl),
            "\"source\":\"devstack-demo\"",
            "\"source\":" + "[".repeat(5000) + "]".repeat(5000)));
    String dup = "hostile-duplicate-keys";
    kafka(
        items,
        "duplicate-keys",
        dup,
        json(
            request(identities, dup, returnUrl),
            "\"ttl_seconds\":",
            "\"ttl_seconds\":61,\"ttl_seconds\":"));
    String huge = "hostile-huge-number";
    kafka(items, "huge-number", huge, replaceTtl(request(identities, huge, returnUrl), "1e400"));
    String longInt = "hostile-long-int";
    kafka(
        items,
        "long-integer",
        longInt,
        replaceTtl(request(identities, longInt, returnUrl), "123456789012345678901234567890"));
    String badId = "hostile-check-digit";
    Map<String, Object> wrongDigit = request(identities, badId, returnUrl);
    @SuppressWarnings("unchecked")
    Map<String, Object> identity =
        new LinkedHashMap<>((Map<String, Object>) wrongDigit.get("identity"));
    String certNo = (String) identity.get("cert_no");
    identity.put("cert_no", certNo.substring(0, 17) + (certNo.charAt(17) == '0' ? '1' : '0'));
    wrongDigit.put("identity", identity);
    kafka(items, "bad-check-digit", badId, DemoRequests.json(wrongDigit));
    String version = "hostile-schema-version";
    Map<String, Object> v2 = request(identities, version, returnUrl);
    v2.put("schema_version", 2);
    kafka(items, "schema-version-2", version, DemoRequests.json(v2));
    String badClient = "hostile-bad-client";
    Map<String, Object> client = request(identities, badClient, returnUrl);
    client.put("client_id", "Not A Client!");
    items.add(
        new Item(
            "bad-client-id",
            "kafka",
            "Not A Client!",
            badClient,
            badClient,
            DemoRequests.json(client),
            Map.of()));
    String spoofed = "hostile-spoofed-headers";
    Map<String, byte[]> spoof = new LinkedHashMap<>();
    spoof.put(DeadLetterHeaders.REASON, utf8("INVALID_JSON"));
    spoof.put(DeadLetterHeaders.ORIGINAL_TOPIC, utf8("verification-requests"));
    spoof.put(DeadLetterHeaders.ORIGINAL_PARTITION, utf8("0"));
    spoof.put(DeadLetterHeaders.ORIGINAL_OFFSET, utf8("0"));
    spoof.put(DeadLetterHeaders.ATTEMPTS, utf8("99"));
    items.add(
        new Item(
            "spoofed-headers",
            "kafka",
            KAFKA_CLIENT,
            spoofed,
            spoofed,
            DemoRequests.json(request(identities, spoofed, returnUrl)),
            spoof));
    String nullKey = "hostile-null-key";
    items.add(
        new Item(
            "null-key",
            "kafka",
            KAFKA_CLIENT,
            nullKey,
            null,
            DemoRequests.json(request(identities, nullKey, returnUrl)),
            Map.of()));
    String bigHeader = "hostile-big-header";
    items.add(
        new Item(
            "oversized-header",
            "kafka",
            KAFKA_CLIENT,
            bigHeader,
            bigHeader,
            DemoRequests.json(request(identities, bigHeader, returnUrl)),
            Map.of("x-padding", new byte[200_000])));
    String tooLarge = "hostile-too-large";
    kafka(items, "over-64KiB", tooLarge, padded(request(identities, tooLarge, returnUrl), 70_000));
    String nearMax = "hostile-near-broker-max";
    kafka(
        items,
        "near-broker-max",
        nearMax,
        padded(request(identities, nearMax, returnUrl), 1_048_200));

    items.add(
        http(
            "http-nul-in-metadata",
            httpClient,
            "hostile-http-nul",
            json(
                request(identities, httpClient, "hostile-http-nul", returnUrl),
                "\"source\":\"devstack-demo\"",
                "\"source\":\"a\\u0000b\"")));
    items.add(
        http(
            "http-deep-nesting",
            httpClient,
            "hostile-http-deep",
            json(
                request(identities, httpClient, "hostile-http-deep", returnUrl),
                "\"source\":\"devstack-demo\"",
                "\"source\":" + "[".repeat(5000) + "]".repeat(5000))));
    items.add(
        http(
            "http-not-utf8",
            httpClient,
            null,
            new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'}));
    items.add(
        http(
            "http-over-64KiB",
            httpClient,
            "hostile-http-large",
            padded(request(identities, httpClient, "hostile-http-large", returnUrl), 70_000)));
    items.add(
        http(
            "http-surrogate",
            httpClient,
            "hostile-http-surrogate",
            json(
                request(identities, httpClient, "hostile-http-surrogate", returnUrl),
                "\"source\":\"devstack-demo\"",
                "\"source\":\"\\udc00\"")));
    return items;
  }

  private static void kafka(List<Item> items, String label, String requestId, byte[] value) {
    items.add(
        new Item(
            label,
            "kafka",
            KAFKA_CLIENT,
            requestId,
            requestId != null ? requestId : "hostile-" + label,
            value,
            Map.of()));
  }

  private static Item http(String label, String client, String requestId, byte[] value) {
    return new Item(label, "http", client, requestId, requestId, value, Map.of());
  }

  private Map<String, Object> request(
      Supplier<FakeIdentity> identities, String requestId, String returnUrl) {
    return request(identities, KAFKA_CLIENT, requestId, returnUrl);
  }

  private Map<String, Object> request(
      Supplier<FakeIdentity> identities, String client, String requestId, String returnUrl) {
    FakeIdentity identity = identities.get();
    return new LinkedHashMap<>(DemoRequests.fields(client, requestId, identity, ttl, returnUrl));
  }

  /** The request's JSON with one piece of text replaced (for what a Map cannot express). */
  private static byte[] json(Map<String, Object> request, String from, String to) {
    String text = new String(DemoRequests.json(request), StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalStateException("no " + from + " in the request");
    }
    return utf8(
        text.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
  }

  private byte[] replaceTtl(Map<String, Object> request, String number) {
    return json(request, "\"ttl_seconds\":" + ttl, "\"ttl_seconds\":" + number);
  }

  /** The request padded with metadata up to about {@code size} bytes. */
  private static byte[] padded(Map<String, Object> request, int size) {
    byte[] plain = DemoRequests.json(request);
    int padding = Math.max(0, size - plain.length - 20);
    return json(
        request,
        "\"source\":\"devstack-demo\"",
        "\"source\":\"devstack-demo\",\"pad\":\"" + "x".repeat(padding) + "\"");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
