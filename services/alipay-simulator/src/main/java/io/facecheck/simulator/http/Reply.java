package io.facecheck.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP response to send.
 *
 * @param delayMs wait this long before sending; {@link #NEVER} holds it until the client closes
 */
public record Reply(
    int status, String contentType, byte[] body, Map<String, String> headers, long delayMs) {
  public static final long NEVER = -1;

  public static Reply of(int status, String contentType, String body) {
    return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), 0);
  }

  public static Reply json(int status, String json) {
    return of(status, "application/json;charset=utf-8", json);
  }

  public static Reply html(int status, String html) {
    return of(status, "text/html;charset=utf-8", html);
  }

  public static Reply redirect(String location) {
    return new Reply(302, "text/plain;charset=utf-8", new byte[0], Map.of("Location", location), 0);
  }

  public Reply withDelay(long ms) {
    return new Reply(status, contentType, body, headers, ms);
  }
}
