package io.facecheck.worker.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a hostile (or broken) producer can write to verification-requests, each with the one outcome
 * it must end in: REJECTED naming a field, a dead letter with a reason, or accepted as the valid
 * request it is (odd but harmless). Each carries its own request_id and a {@code corpus-id} header
 * (kept on its dead letter, unless that letter had to be summarized) to find it by.
 */
public final class HostileRecords {

  public static final String CORPUS_ID = "corpus-id";

  /** The one outcome a record must end in. */
  public sealed interface Outcome {}

  public record Rejected(String field) implements Outcome {}

  /** Dead-lettered with {@code reason}; {@code truncated}: the letter had to be summarized. */
  public record DeadLettered(String reason, boolean truncated) implements Outcome {
    public DeadLettered(String reason) {
      this(reason, false);
    }
  }

  public record Accepted() implements Outcome {}

  /** One record: its key may be null; {@code id} is its request_id where it has one. */
  public record Hostile(
      String name,
      String id,
      byte[] key,
      byte[] value,
      Map<String, byte[]> headers,
      Outcome outcome) {
    @Override
    public String toString() {
      return name;
    }
  }

  private final String client;
  private final String run;
  private final List<Hostile> corpus = new ArrayList<>();

  public HostileRecords(String client, String run) {
    this.client = client;
    this.run = run;
  }

  public List<Hostile> build(String certName, String certNo) {
    // strings PostgreSQL (text, jsonb) or JSON cannot hold
    edit(
        "nul-in-metadata",
        certName,
        certNo,
        "\"order\":\"42\"",
        "\"order\":\"a\\u0000\"",
        new Rejected("/metadata/order"));
    edit(
        "nul-in-property-name",
        certName,
        certNo,
        "\"order\":\"42\"",
        "\"or\\u0000der\":\"42\"",
        new Rejected("/metadata"));
    edit(
        "lone-surrogate-in-cert-name",
        certName,
        certNo,
        "\"cert_name\":\"" + certName + "\"",
        "\"cert_name\":\"\\ud800\"",
        new Rejected("/identity/cert_name"));
    raw(
        "cesu-surrogate-bytes",
        withBytes(
            request("cesu-surrogate-bytes", certName, certNo),
            "\"42\"",
            new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}),
        new DeadLettered("NOT_UTF8"));
    // extreme numbers
    edit(
        "ttl-1e400",
        certName,
        certNo,
        "\"ttl_seconds\":900",
        "\"ttl_seconds\":1e400",
        new Rejected("/ttl_seconds"));
    edit(
        "ttl-minus-zero",
        certName,
        certNo,
        "\"ttl_seconds\":900",
        "\"ttl_seconds\":-0",
        new Rejected("/ttl_seconds"));
    edit(
        "ttl-2-pow-63",
        certName,
        certNo,
        "\"ttl_seconds\":900",
        "\"ttl_seconds\":9223372036854775808",
        new Rejected("/ttl_seconds"));
    // deep nesting and duplicate keys
    edit(
        "nesting-10000",
        certName,
        certNo,
        "\"order\":\"42\"",
        "\"order\":" + "[".repeat(10_000) + "]".repeat(10_000),
        new DeadLettered("INVALID_JSON"));
    edit(
        "duplicate-request-id",
        certName,
        certNo,
        "\"client_id\":",
        "\"request_id\":\"other\",\"client_id\":",
        new DeadLettered("INVALID_JSON"));
    // odd Unicode
    raw(
        "bom",
        ("\uFEFF" + new String(request("bom", certName, certNo), UTF_8)).getBytes(UTF_8),
        new DeadLettered("INVALID_JSON"));
    edit(
        "rtl-mark-in-request-id",
        certName,
        certNo,
        "\"request_id\":\"" + id("rtl-mark-in-request-id") + "\"",
        "\"request_id\":\"\u202e" + id("rtl-mark-in-request-id") + "\"",
        new DeadLettered("INVALID_REQUEST"));
    edit(
        "rtl-mark-in-cert-name",
        certName,
        certNo,
        "\"cert_name\":\"" + certName + "\"",
        "\"cert_name\":\"\u202e" + certName + "\"",
        new Accepted());
    // oversized values and headers
    byte[] huge = new byte[1_048_576 - 400];
    Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    raw("oversized-value", huge, new DeadLettered("TOO_LARGE", true));
    Map<String, byte[]> bigHeader = headers("oversized-header");
    // with its dead letter's diagnostic headers, over the producer's max.request.size (1 MiB)
    byte[] filler = new byte[1_048_576 - 350];
    Arrays.fill(filler, (byte) 'h');
    bigHeader.put("x-filler", filler);
    add(
        "oversized-header",
        key("oversized-header"),
        "{not json".getBytes(UTF_8),
        bigHeader,
        new DeadLettered("INVALID_JSON", true));
    Map<String, byte[]> bigValid = headers("oversized-header-valid");
    bigValid.put("x-filler", Arrays.copyOf(filler, 200_000));
    add(
        "oversized-header-valid",
        key("oversized-header-valid"),
        request("oversized-header-valid", certName, certNo),
        bigValid,
        new Accepted());
    // null keys
    add(
        "null-key-invalid",
        null,
        "[1]".getBytes(UTF_8),
        headers("null-key-invalid"),
        new DeadLettered("NOT_AN_OBJECT"));
    add(
        "null-key-valid",
        null,
        request("null-key-valid", certName, certNo),
        headers("null-key-valid"),
        new Accepted());
    // spoofed facecheck-* headers on a first delivery: ignored, a fresh history
    Map<String, byte[]> spoofed = headers("spoofed-headers");
    spoofed.put("facecheck-replayed-from", "verification-requests-dlt".getBytes(UTF_8));
    spoofed.put("facecheck-attempts", "999".getBytes(UTF_8));
    spoofed.put("facecheck-retry-hop", "4".getBytes(UTF_8));
    spoofed.put("facecheck-retry-due-at", "2999-01-01T00:00:00Z".getBytes(UTF_8));
    spoofed.put("facecheck-original-topic", "verification-queries".getBytes(UTF_8));
    add(
        "spoofed-headers",
        key("spoofed-headers"),
        request("spoofed-headers", certName, certNo),
        spoofed,
        new Accepted());
    return List.copyOf(corpus);
  }

  public String id(String name) {
    return name + "-" + run;
  }

  private byte[] request(String name, String certName, String certNo) {
    return RequestJson.request(client, id(name), certName, certNo);
  }

  private void edit(
      String name, String certName, String certNo, String from, String to, Outcome outcome) {
    String json = new String(request(name, certName, certNo), UTF_8);
    if (!json.contains(from)) {
      throw new IllegalArgumentException(name + ": no " + from);
    }
    add(name, key(name), json.replace(from, to).getBytes(UTF_8), headers(name), outcome);
  }

  private void raw(String name, byte[] value, Outcome outcome) {
    add(name, key(name), value, headers(name), outcome);
  }

  private static byte[] withBytes(byte[] json, String from, byte[] to) {
    String text = new String(json, UTF_8);
    int at = text.indexOf(from);
    byte[] head = text.substring(0, at).getBytes(UTF_8);
    byte[] tail = text.substring(at + from.length()).getBytes(UTF_8);
    byte[] out = new byte[head.length + to.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(to, 0, out, head.length, to.length);
    System.arraycopy(tail, 0, out, head.length + to.length, tail.length);
    return out;
  }

  private void add(
      String name, byte[] key, byte[] value, Map<String, byte[]> headers, Outcome outcome) {
    corpus.add(new Hostile(name, id(name), key, value, headers, outcome));
  }

  private byte[] key(String name) {
    return id(name).getBytes(UTF_8);
  }

  private Map<String, byte[]> headers(String name) {
    Map<String, byte[]> headers = new HashMap<>();
    headers.put(CORPUS_ID, id(name).getBytes(UTF_8));
    return headers;
  }
}
