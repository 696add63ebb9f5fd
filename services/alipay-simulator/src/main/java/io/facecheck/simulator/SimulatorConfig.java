package io.facecheck.simulator;

import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.signing.RsaKeys;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;

/**
 * How to start a simulator. {@link #defaults()}: 127.0.0.1, a free port, a key pair generated once
 * per JVM, timestamps accepted within 15 minutes, certify URLs valid for a day, 4 MiB bodies.
 *
 * @param ioThreads event loops serving connections
 * @param signingThreads the bounded pool that does the RSA work
 */
public record SimulatorConfig(
    String host,
    int port,
    KeyPair alipayKeyPair,
    Clock clock,
    Duration timestampTolerance,
    Duration certifyUrlValidity,
    int maxBodyBytes,
    int ioThreads,
    int signingThreads,
    Scenario scenario,
    Path certificateDir) {

  public SimulatorConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range");
    }
    if (ioThreads < 1 || signingThreads < 1 || maxBodyBytes < 1024) {
      throw new IllegalArgumentException("threads must be >= 1 and max body >= 1 KiB");
    }
  }

  public static SimulatorConfig defaults() {
    int cpus = Runtime.getRuntime().availableProcessors();
    return new SimulatorConfig(
        "127.0.0.1",
        0,
        null,
        Clock.systemUTC(),
        Duration.ofMinutes(15),
        Duration.ofDays(1),
        4 * 1024 * 1024,
        Math.min(2, cpus),
        cpus,
        Scenario.none(),
        null);
  }

  /** The key pair, generating the JVM-wide shared one if none was given. */
  public KeyPair keyPairOrShared() {
    return alipayKeyPair != null ? alipayKeyPair : RsaKeys.sharedGenerated();
  }

  public SimulatorConfig withHost(String newHost) {
    return new SimulatorConfig(
        newHost,
        port,
        alipayKeyPair,
        clock,
        timestampTolerance,
        certifyUrlValidity,
        maxBodyBytes,
        ioThreads,
        signingThreads,
        scenario,
        certificateDir);
  }

  /** 0 picks a free port. */
  public SimulatorConfig withPort(int newPort) {
    return new SimulatorConfig(
        host,
        newPort,
        alipayKeyPair,
        clock,
        timestampTolerance,
        certifyUrlValidity,
        maxBodyBytes,
        ioThreads,
        signingThreads,
        scenario,
        certificateDir);
  }

  public SimulatorConfig withAlipayKeyPair(KeyPair keyPair) {
    return new SimulatorConfig(
        host,
        port,
        keyPair,
        clock,
        timestampTolerance,
        certifyUrlValidity,
        maxBodyBytes,
        ioThreads,
        signingThreads,
        scenario,
        certificateDir);
  }

  /** The clock for timestamp checks and outage windows. */
  public SimulatorConfig withClock(Clock newClock) {
    return new SimulatorConfig(
        host,
        port,
        alipayKeyPair,
        newClock,
        timestampTolerance,
        certifyUrlValidity,
        maxBodyBytes,
        ioThreads,
        signingThreads,
        scenario,
        certificateDir);
  }

  public SimulatorConfig withTimestampTolerance(Duration tolerance) {
    return new SimulatorConfig(
        host,
        port,
        alipayKeyPair,
        clock,
        tolerance,
        certifyUrlValidity,
        maxBodyBytes,
        ioThreads,
        signingThreads,
        scenario,
        certificateDir);
  }

  public SimulatorConfig withCertifyUrlValidity(Duration validity) {
    return new SimulatorConfig(
        host,
        port,
        alipayKeyPair,
        clock,
        timestampTolerance,
        validity,
        maxBodyBytes,
        ioThreads,
        signingThreads,
        scenario,
        certificateDir);
  }

  public SimulatorConfig withMaxBodyBytes(int bytes) {
    return new SimulatorConfig(
        host,
        port,
        alipayKeyPair,
        clock,
        timestampTolerance,
        certifyUrlValidity,
        bytes,
        ioThreads,
        signingThreads,
        scenario,
        certificateDir);
  }

  public SimulatorConfig withThreads(int io, int signing) {
    return new SimulatorConfig(
        host,
        port,
        alipayKeyPair,
        clock,
        timestampTolerance,
        certifyUrlValidity,
        maxBodyBytes,
        io,
        signing,
        scenario,
        certificateDir);
  }

  public SimulatorConfig withScenario(Scenario initial) {
    return new SimulatorConfig(
        host,
        port,
        alipayKeyPair,
        clock,
        timestampTolerance,
        certifyUrlValidity,
        maxBodyBytes,
        ioThreads,
        signingThreads,
        initial,
        certificateDir);
  }

  /**
   * Where the certificate authority lives and publishes alipayRootCert.crt and
   * alipayCertPublicKey_RSA2.crt (created, or reused across restarts); null: in memory only.
   */
  public SimulatorConfig withCertificateDir(Path dir) {
    return new SimulatorConfig(
        host,
        port,
        alipayKeyPair,
        clock,
        timestampTolerance,
        certifyUrlValidity,
        maxBodyBytes,
        ioThreads,
        signingThreads,
        scenario,
        dir);
  }
}
