package io.facecheck.simulator;

import io.facecheck.simulator.admin.AdminJson;
import io.facecheck.simulator.gateway.AppMode;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.simulator.gateway.RegisteredApp;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.signing.RsaKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code java -jar facecheck-alipay-simulator.jar --port 8089 [--host H] [--key-file F] …} */
@Command(
    name = "facecheck-alipay-simulator",
    description = "A local stand-in for Alipay's OpenAPI gateway (identity verification APIs).",
    sortOptions = false)
public final class SimulatorMain implements Callable<Integer> {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8089",
      description = "port to listen on (default ${DEFAULT-VALUE}; 0 = any free port)")
  int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "0.0.0.0",
      description = "address to bind (default ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description =
          "the simulator's PKCS#8 private key (Base64 or PEM); created if missing"
              + " (default: a fresh key pair each start)")
  Path keyFile;

  @Option(
      names = "--app",
      paramLabel = "APP_ID=PUBLIC_KEY_BASE64",
      description = "register an app at start (repeatable), public-key mode")
  Map<String, String> publicKeyApps = new LinkedHashMap<>();

  @Option(
      names = "--certificate-app",
      paramLabel = "APP_ID=PUBLIC_KEY_BASE64",
      description =
          "register an app in public-key certificate mode (repeatable); its certificate is"
              + " written to --cert-dir as appCertPublicKey_APP_ID.crt")
  Map<String, String> certificateApps = new LinkedHashMap<>();

  @Option(
      names = "--aes-key",
      paramLabel = "APP_ID=AES_KEY_BASE64",
      description = "content encryption (encrypt_type=AES) for that app (repeatable)")
  Map<String, String> aesKeys = new LinkedHashMap<>();

  @Option(
      names = "--cert-dir",
      paramLabel = "DIR",
      description =
          "the certificate authority's directory: root and Alipay keys kept across restarts,"
              + " alipayRootCert.crt and alipayCertPublicKey_RSA2.crt published there"
              + " (default: in memory)")
  Path certificateDir;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "initial scenario JSON (see README)")
  Path scenario;

  @Option(
      names = "--timestamp-tolerance-seconds",
      paramLabel = "SECONDS",
      defaultValue = "900",
      description = "accepted clock skew of request timestamps (default ${DEFAULT-VALUE})")
  long timestampToleranceSeconds;

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "this text")
  boolean help;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulatorMain()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    AlipaySimulator simulator = AlipaySimulator.start(config());
    register(simulator, publicKeyApps, AppMode.PUBLIC_KEY);
    register(simulator, certificateApps, AppMode.CERTIFICATE);
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
    return 0;
  }

  private SimulatorConfig config() throws IOException {
    SimulatorConfig config =
        SimulatorConfig.defaults()
            .withHost(host)
            .withPort(port)
            .withTimestampTolerance(Duration.ofSeconds(timestampToleranceSeconds))
            .withAlipayKeyPair(
                keyFile == null ? RsaKeys.generate() : RsaKeys.loadOrCreate(keyFile));
    if (certificateDir != null) {
      config = config.withCertificateDir(certificateDir);
    }
    if (scenario != null) {
      config =
          config.withScenario(
              AdminJson.MAPPER.readValue(Files.readString(scenario), Scenario.class));
    }
    return config;
  }

  private void register(AlipaySimulator simulator, Map<String, String> apps, AppMode mode) {
    apps.forEach(
        (appId, publicKey) -> {
          RegisteredApp registered;
          try {
            registered =
                simulator.registerApp(
                    new AppRegistration(appId, publicKey, mode, aesKeys.get(appId), false));
          } catch (IllegalArgumentException e) {
            simulator.close();
            throw new ParameterException(
                spec.commandLine(), "app " + appId + ": " + e.getMessage());
          }
          if (mode == AppMode.CERTIFICATE) {
            System.out.println("app " + appId + " app_cert_sn: " + registered.newest().certSn());
          }
        });
  }
}
