package io.facecheck.simulator;

import io.facecheck.simulator.admin.AdminJson;
import io.facecheck.simulator.gateway.AppMode;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.simulator.gateway.RegisteredApp;
import io.facecheck.simulator.signing.RsaKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar facecheck-alipay-simulator.jar --port 8089 [--host H] [--key-file F] …} */
public final class SimulatorMain {
  private static final String USAGE =
      """
      usage: java -jar facecheck-alipay-simulator.jar [options]
        --port N                         port to listen on (default 8089; 0 = any free port)
        --host H                         address to bind (default 0.0.0.0)
        --key-file F                     the simulator's PKCS#8 private key (Base64 or PEM); created if missing
                                         (default: a fresh key pair each start)
        --app APP_ID=PUBLIC_KEY_BASE64   register an app at start (repeatable), public-key mode
        --certificate-app APP_ID=PUBLIC_KEY_BASE64
                                         register an app in public-key certificate mode (repeatable);
                                         its certificate is written to --cert-dir as
                                         appCertPublicKey_APP_ID.crt
        --aes-key APP_ID=AES_KEY_BASE64  content encryption (encrypt_type=AES) for that app (repeatable)
        --cert-dir D                     the certificate authority's directory: root and Alipay keys kept
                                         across restarts, alipayRootCert.crt and
                                         alipayCertPublicKey_RSA2.crt published there (default: in memory)
        --scenario F                     initial scenario JSON (see README)
        --timestamp-tolerance-seconds N  accepted clock skew of request timestamps (default 900)
        --help                           this text
      """;

  private SimulatorMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    SimulatorConfig config = SimulatorConfig.defaults().withHost("0.0.0.0").withPort(8089);
    java.util.List<String[]> appsToRegister = new java.util.ArrayList<>();
    java.util.Map<String, String> aesKeys = new java.util.HashMap<>();
    boolean generated = true;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        System.out.print(USAGE);
        return;
      }
      if (i + 1 >= args.length) {
        fail("missing value for " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> config = config.withPort(Integer.parseInt(value));
        case "--host" -> config = config.withHost(value);
        case "--key-file" -> {
          config = config.withAlipayKeyPair(RsaKeys.loadOrCreate(Path.of(value)));
          generated = false;
        }
        case "--app", "--certificate-app" -> {
          String[] pair = pair(option, value);
          appsToRegister.add(new String[] {pair[0], pair[1], option});
        }
        case "--aes-key" -> {
          String[] pair = pair(option, value);
          aesKeys.put(pair[0], pair[1]);
        }
        case "--cert-dir" -> config = config.withCertificateDir(Path.of(value));
        case "--scenario" ->
            config =
                config.withScenario(
                    AdminJson.MAPPER.readValue(Files.readString(Path.of(value)), Scenario.class));
        case "--timestamp-tolerance-seconds" ->
            config = config.withTimestampTolerance(Duration.ofSeconds(Long.parseLong(value)));
        default -> fail("unknown option " + option);
      }
    }
    if (generated) {
      config = config.withAlipayKeyPair(RsaKeys.generate());
    }
    AlipaySimulator simulator = AlipaySimulator.start(config);
    for (String[] app : appsToRegister) {
      AppMode mode = app[2].equals("--certificate-app") ? AppMode.CERTIFICATE : AppMode.PUBLIC_KEY;
      RegisteredApp registered =
          simulator.registerApp(
              new AppRegistration(app[0], app[1], mode, aesKeys.get(app[0]), false));
      if (mode == AppMode.CERTIFICATE) {
        System.out.println("app " + app[0] + " app_cert_sn: " + registered.newest().certSn());
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                }));
    System.out.println("alipay-simulator listening on port " + simulator.port());
    System.out.println("gateway: " + simulator.gatewayUrl());
    System.out.println("alipay public key: " + simulator.alipayPublicKeyBase64());
    System.out.println("alipay_root_cert_sn: " + simulator.rootCertSn());
    System.out.println("alipay_cert_sn: " + simulator.alipayCertSn());
    System.out.flush();
    stopped.await();
  }

  private static String[] pair(String option, String value) {
    int equals = value.indexOf('=');
    if (equals <= 0) {
      fail(option + " takes APP_ID=VALUE");
    }
    return new String[] {value.substring(0, equals), value.substring(equals + 1)};
  }

  private static void fail(String message) {
    System.err.println(message);
    System.err.print(USAGE);
    System.exit(2);
  }
}
