package io.facecheck.simulator;

import io.facecheck.simulator.signing.SignAlgorithm;
import io.facecheck.simulator.signing.StringToSign;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bare client for what the SDK never sends (missing parameters, garbage) and for fast bulk calls.
 */
final class RawGateway {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

  record Answer(int status, String body) {
    JsonNode node(String name) {
      return JSON.readTree(body).get(name);
    }

    String field(String name) {
      JsonNode root = JSON.readTree(body);
      JsonNode inner = root.properties().iterator().next().getValue();
      JsonNode value = inner.get(name);
      return value == null ? null : value.asString();
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String url;

  RawGateway(String url) {
    this.url = url;
  }

  /** Protocol parameters as the SDK would send them, signed with RSA2. */
  static Map<String, String> signedParameters(
      String method, String bizContent, Instant now, PrivateKey key) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("app_id", TestApps.APP_ID);
    params.put("method", method);
    params.put("format", "json");
    params.put("charset", "UTF-8");
    params.put("sign_type", "RSA2");
    params.put("timestamp", TIMESTAMP.format(now));
    params.put("version", "1.0");
    params.put("biz_content", bizContent);
    params.put(
        "sign", SignAlgorithm.RSA2.sign(key, StringToSign.of(params), StandardCharsets.UTF_8));
    return params;
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  Answer post(String body) {
    return post(
        body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded;charset=utf-8");
  }

  Answer post(byte[] body, String contentType) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
