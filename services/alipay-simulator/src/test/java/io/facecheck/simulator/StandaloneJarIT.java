package io.facecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.simulator.signing.RsaKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar starts with one command, keeps its key in the key file, and serves the SDK. */
class StandaloneJarIT {
  private static final Path JAR = Path.of("target/facecheck-alipay-simulator.jar");

  @Test
  void startsFromTheJarAndKeepsItsKeyAcrossRestarts(@TempDir Path dir) throws Exception {
    assertThat(JAR).exists();
    Path keyFile = dir.resolve("alipay-simulator.key");
    String firstKey;
    try (Running sim = Running.start(keyFile)) {
      RawGateway admin = new RawGateway(sim.base);
      firstKey = admin.send(get(sim.base + "/sim/alipay-public-key")).body();
      assertThat(firstKey)
          .contains(RsaKeys.base64(RsaKeys.keyPair(Files.readString(keyFile)).getPublic()));
      String register =
          "{\"app_id\":\""
              + TestApps.APP_ID
              + "\",\"public_key\":\""
              + RsaKeys.base64(TestApps.APP_KEYS.getPublic())
              + "\"}";
      assertThat(
              admin
                  .send(
                      HttpRequest.newBuilder(URI.create(sim.base + "/sim/apps"))
                          .POST(HttpRequest.BodyPublishers.ofString(register))
                          .build())
                  .status())
          .isEqualTo(200);
      String publicKey = RsaKeys.base64(RsaKeys.keyPair(Files.readString(keyFile)).getPublic());
      var client =
          new com.alipay.api.DefaultAlipayClient(
              sim.base + "/gateway.do",
              TestApps.APP_ID,
              RsaKeys.base64(TestApps.APP_KEYS.getPrivate()),
              "json",
              "UTF-8",
              publicKey,
              "RSA2");
      assertThat(client.execute(TestApps.initialize("jar1", "")).getCertifyId()).hasSize(32);
    }
    try (Running again = Running.start(keyFile)) {
      assertThat(new RawGateway(again.base).send(get(again.base + "/sim/alipay-public-key")).body())
          .isEqualTo(firstKey);
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).build();
  }

  private record Running(Process process, String base) implements AutoCloseable {
    static Running start(Path keyFile) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  java,
                  "-jar",
                  JAR.toString(),
                  "--port",
                  "0",
                  "--host",
                  "127.0.0.1",
                  "--key-file",
                  keyFile.toString())
              .redirectErrorStream(true)
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("alipay-simulator listening on port ")) {
          int port = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
          Thread drain = new Thread(() -> out.lines().forEach(ignored -> {}));
          drain.setDaemon(true);
          drain.start();
          return new Running(process, "http://127.0.0.1:" + port);
        }
      }
      process.destroyForcibly();
      throw new AssertionError("the simulator exited before listening");
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      process.waitFor();
    }
  }
}
