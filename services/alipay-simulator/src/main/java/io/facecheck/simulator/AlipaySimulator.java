package io.facecheck.simulator;

import io.facecheck.simulator.admin.AdminApi;
import io.facecheck.simulator.certificates.AlipayCertificates;
import io.facecheck.simulator.certificates.Pem;
import io.facecheck.simulator.certification.CertificationRegistry;
import io.facecheck.simulator.certification.CertificationStatus;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.simulator.gateway.GatewayEndpoint;
import io.facecheck.simulator.gateway.RegisteredApp;
import io.facecheck.simulator.gateway.RegisteredApps;
import io.facecheck.simulator.http.NettyHttpServer;
import io.facecheck.simulator.http.ReturnUrlVisitor;
import io.facecheck.simulator.page.PageSubmission;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.ScenarioEngine;
import io.facecheck.simulator.signing.RsaKeys;
import io.facecheck.simulator.stats.CallStats;
import io.facecheck.simulator.stats.SimulatorStats;
import io.facecheck.simulator.user.AutomaticUser;
import io.facecheck.simulator.user.Completion;
import io.facecheck.simulator.user.ScanCompleter;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running Alipay gateway simulator. Embed it in tests:
 *
 * <pre>{@code
 * try (AlipaySimulator sim = AlipaySimulator.start(SimulatorConfig.defaults())) {
 *   sim.registerApp(appId, appPublicKeyBase64);
 *   new DefaultAlipayClient(sim.gatewayUrl(), appId, appPrivateKey, "json", "UTF-8",
 *       sim.alipayPublicKeyBase64(), "RSA2");
 * }
 * }</pre>
 */
public final class AlipaySimulator implements AutoCloseable {
  private final NettyHttpServer server;
  private final ThreadPoolExecutor signingPool;
  private final String host;
  private final String alipayPublicKey;
  private final RegisteredApps apps;
  private final AlipayCertificates certificates;
  private final java.nio.file.Path certificateDir;
  private final CertificationRegistry registry;
  private final ScenarioEngine scenario;
  private final CallStats stats;
  private final ScanCompleter user;

  private AlipaySimulator(SimulatorConfig config) {
    KeyPair keys = config.keyPairOrShared();
    this.host = config.host();
    this.alipayPublicKey = RsaKeys.base64(keys.getPublic());
    this.certificateDir = config.certificateDir();
    this.certificates = certificates(config, keys);
    this.apps = new RegisteredApps(certificates);
    this.registry = new CertificationRegistry(config.clock());
    this.scenario = new ScenarioEngine(config.clock(), config.scenario());
    this.stats = new CallStats(config.clock());
    this.user = new ScanCompleter(registry, new ReturnUrlVisitor(), stats);
    this.signingPool = signingPool(config.signingThreads());
    AutomaticUser[] automatic = new AutomaticUser[1];
    GatewayEndpoint gateway =
        new GatewayEndpoint(
            apps,
            registry,
            scenario,
            stats,
            keys.getPrivate(),
            certificates,
            config.clock(),
            new GatewayEndpoint.Settings(config.timestampTolerance(), config.certifyUrlValidity()),
            certification -> automatic[0].onCreated(certification),
            signingPool);
    AdminApi admin =
        new AdminApi(
            apps,
            alipayPublicKey,
            certificates,
            this::rollAlipayCertificate,
            this::registerApp,
            registry,
            user,
            scenario,
            stats,
            this::stats);
    try {
      this.server =
          NettyHttpServer.start(
              config.host(),
              config.port(),
              config.ioThreads(),
              config.maxBodyBytes(),
              new Routes(gateway, new PageSubmission(registry), admin));
    } catch (RuntimeException e) {
      signingPool.shutdownNow();
      throw e;
    }
    automatic[0] = new AutomaticUser(scenario, user, server.scheduler());
  }

  public static AlipaySimulator start(SimulatorConfig config) {
    return new AlipaySimulator(config);
  }

  public int port() {
    return server.port();
  }

  /** http://host:port, with 127.0.0.1 when bound to every interface. */
  public String baseUrl() {
    String shown = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
    return "http://" + shown + ":" + port();
  }

  public String gatewayUrl() {
    return baseUrl() + "/gateway.do";
  }

  /** The key an SDK client is configured with as the "Alipay public key" (X.509, Base64). */
  public String alipayPublicKeyBase64() {
    return alipayPublicKey;
  }

  /** Registers (or re-keys) an app; throws IllegalArgumentException for a malformed key. */
  public void registerApp(String appId, String appPublicKeyBase64) {
    apps.register(appId, appPublicKeyBase64);
  }

  /**
   * Registers (or re-keys) an app in either mode, with or without an AES key; in certificate mode
   * the answer holds the app certificate issued for its key. Throws IllegalArgumentException for a
   * malformed key.
   */
  public RegisteredApp registerApp(AppRegistration registration) {
    RegisteredApp app = apps.register(registration);
    if (certificateDir != null
        && app.mode() == io.facecheck.simulator.gateway.AppMode.CERTIFICATE) {
      // what the merchant downloads from Alipay's console after uploading its CSR
      io.facecheck.simulator.certificates.PublishedFile.write(
          certificateDir.resolve("appCertPublicKey_" + app.appId() + ".crt"),
          Pem.of(app.newest().certificate()));
    }
    return app;
  }

  /** Ends a key rotation's overlap: only the app's newest key is accepted from now on. */
  public Optional<RegisteredApp> retirePreviousAppKeys(String appId) {
    return apps.retirePreviousKeys(appId);
  }

  /** The root bundle (alipayRootCert.crt), as PEM. */
  public String rootCertificatePem() {
    return certificates.rootBundlePem();
  }

  /** The SN of the root bundle, as the SDK computes it (alipay_root_cert_sn). */
  public String rootCertSn() {
    return certificates.rootCertSn();
  }

  /** The Alipay certificate responses are signed under now (alipayCertPublicKey_RSA2.crt). */
  public String alipayCertificatePem() {
    return Pem.of(certificates.current().certificate());
  }

  /** The SN of that certificate: what certificate-mode responses carry as alipay_cert_sn. */
  public String alipayCertSn() {
    return certificates.current().sn();
  }

  /** Every Alipay certificate SN still valid, oldest first (two after a roll). */
  public List<String> liveAlipayCertSns() {
    return certificates.liveSns();
  }

  /** The PEM of a live Alipay certificate. */
  public Optional<String> alipayCertificatePem(String sn) {
    return certificates.bySn(sn).map(c -> Pem.of(c.certificate()));
  }

  /**
   * Issues a new Alipay certificate and signs with it from now on; the previous one stays valid
   * (and downloadable through alipay.open.app.alipaycert.download). Rewrites the certificate files
   * when the simulator publishes them. Returns the new SN.
   */
  public String rollAlipayCertificate() {
    String sn = certificates.roll().sn();
    if (certificateDir != null) {
      certificates.writeFiles(certificateDir);
    }
    return sn;
  }

  private static AlipayCertificates certificates(SimulatorConfig config, KeyPair keys) {
    if (config.certificateDir() == null) {
      return AlipayCertificates.generate(keys, config.clock());
    }
    try {
      return AlipayCertificates.loadOrCreate(config.certificateDir(), keys, config.clock());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Replaces the scenario; its draws start again from the seed. */
  public Scenario setScenario(Scenario newScenario) {
    return scenario.set(newScenario);
  }

  public Scenario scenario() {
    return scenario.current();
  }

  public SimulatorStats stats() {
    Map<String, Long> certifications = new LinkedHashMap<>();
    registry.countByStatus().forEach((status, count) -> certifications.put(status.name(), count));
    return new SimulatorStats(
        stats.since(),
        stats.snapshot(),
        certifications,
        stats.returnUrlVisits(),
        stats.returnUrlVisitFailures());
  }

  public void resetStats() {
    stats.reset();
  }

  /** The status of a certification, if the simulator issued it. */
  public Optional<CertificationStatus> certificationStatus(String certifyId) {
    return registry.find(certifyId).map(c -> c.status());
  }

  /**
   * Completes a user's scan, and when asked, visits the return_url as the browser would, waiting
   * for that visit.
   *
   * @throws java.util.NoSuchElementException for an unknown certify_id
   * @throws IllegalStateException when it already finished with the other result
   */
  public Completion complete(String certifyId, boolean passed, boolean visitReturnUrl) {
    return complete(certifyId, passed, null, visitReturnUrl);
  }

  public Completion complete(
      String certifyId, boolean passed, String failReason, boolean visitReturnUrl) {
    return user.complete(certifyId, passed, failReason, visitReturnUrl).join();
  }

  @Override
  public void close() {
    server.close();
    signingPool.shutdownNow();
  }

  private static ThreadPoolExecutor signingPool(int threads) {
    AtomicInteger counter = new AtomicInteger();
    return new ThreadPoolExecutor(
        threads,
        threads,
        30,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(16_384),
        task -> {
          Thread thread = new Thread(task, "alipay-sim-rsa-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
