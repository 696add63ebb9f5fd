package io.facecheck.devstack.bench;

import io.facecheck.devstack.process.ChildJvm;
import io.facecheck.devstack.stack.AlipaySetup;
import io.facecheck.devstack.stack.Secrets;
import io.facecheck.devstack.stack.WorkerAlipaySettings;
import io.facecheck.simulator.admin.AdminJson;
import io.facecheck.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Alipay simulator and its automatic users in a JVM of their own ({@code SimulatorMain}, the
 * simulator's standalone entry point), so their CPU is theirs alone. The app is registered on the
 * command line; the scenario is changed through the admin API.
 */
public final class SimulatorProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final ChildJvm jvm;
  private final int port;
  private final WorkerAlipaySettings workerAlipay;

  private SimulatorProcess(ChildJvm jvm, int port, WorkerAlipaySettings workerAlipay) {
    this.jvm = jvm;
    this.port = port;
    this.workerAlipay = workerAlipay;
  }

  /** Starts it on {@code port} with the app of {@code secrets} registered, and waits for it. */
  public static SimulatorProcess start(
      int port,
      Secrets secrets,
      AlipaySetup alipay,
      Scenario scenario,
      List<String> jvmOptions,
      Path directory) {
    try {
      Files.createDirectories(directory);
      Path scenarioFile = directory.resolve("scenario.json");
      Files.writeString(scenarioFile, AdminJson.MAPPER.writeValueAsString(scenario));
      Path certificates = directory.resolve("certificates");
      List<String> args = new ArrayList<>();
      args.addAll(List.of("--port", String.valueOf(port), "--host", "127.0.0.1"));
      args.addAll(List.of("--scenario", scenarioFile.toString()));
      String app = secrets.appId() + "=" + secrets.appPublicKeyBase64();
      if (alipay.certificate()) {
        args.addAll(List.of("--certificate-app", app, "--cert-dir", certificates.toString()));
      } else {
        args.addAll(List.of("--app", app));
      }
      String aesKey = alipay.encrypt() ? aesKey() : null;
      if (aesKey != null) {
        args.addAll(List.of("--aes-key", secrets.appId() + "=" + aesKey));
      }
      ChildJvm jvm =
          ChildJvm.start(
              "simulator",
              "io.facecheck.simulator.SimulatorMain",
              jvmOptions,
              args,
              Map.of(),
              directory.resolve("simulator.log"));
      SimulatorProcess simulator = new SimulatorProcess(jvm, port, null);
      try {
        String publicKey = simulator.awaitPublicKey();
        WorkerAlipaySettings worker =
            alipay.certificate()
                ? new WorkerAlipaySettings(
                    null,
                    Files.readString(
                        certificates.resolve("appCertPublicKey_" + secrets.appId() + ".crt")),
                    Files.readString(certificates.resolve("alipayCertPublicKey_RSA2.crt")),
                    Files.readString(certificates.resolve("alipayRootCert.crt")),
                    aesKey)
                : new WorkerAlipaySettings(publicKey, null, null, null, aesKey);
        return new SimulatorProcess(jvm, port, worker);
      } catch (IOException | RuntimeException e) {
        jvm.stop(10);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the simulator", e);
    }
  }

  /** Replaces the scenario (latency, users), as {@code PUT /sim/scenario}. */
  public void setScenario(Scenario scenario) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(admin("/sim/scenario"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        AdminJson.MAPPER.writeValueAsString(scenario)))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the simulator refused the scenario: " + response.body());
    }
  }

  /** {@code DELETE /sim/stats}: the call counters start again from zero. */
  public void resetStats() {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(admin("/sim/stats")).DELETE().build());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("the simulator did not reset its stats: " + response.body());
    }
  }

  /** {@code GET /sim/stats}: calls per method and outcome, certifications per status. */
  public Map<String, Object> stats() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(admin("/sim/stats")).build());
    @SuppressWarnings("unchecked") // a JSON object
    Map<String, Object> stats = AdminJson.MAPPER.readValue(response.body(), Map.class);
    return stats;
  }

  public String gatewayUrl() {
    return "http://127.0.0.1:" + port + "/gateway.do";
  }

  /** The simulator's stand-in for a business's return page, where the users' browsers end. */
  public String landingPageUrl() {
    return "http://127.0.0.1:" + port + "/sim/landing";
  }

  public WorkerAlipaySettings workerAlipay() {
    return workerAlipay;
  }

  public long pid() {
    return jvm.pid();
  }

  private String awaitPublicKey() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (true) {
      jvm.assertAlive();
      try {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(admin("/sim/alipay-public-key"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return (String) AdminJson.MAPPER.readValue(response.body(), Map.class).get("public_key");
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the simulator did not start:\n" + jvm.logTail(40));
      }
      sleep(250);
    }
  }

  private URI admin(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("the simulator did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String aesKey() {
    byte[] key = new byte[16];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    jvm.stop(10);
  }
}
