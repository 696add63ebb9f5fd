package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reloading swaps a client only when its settings changed, and never for a broken or torn set. */
class AlipayClientsReloadTest {
  private static final AlipayHttpSettings HTTP =
      new AlipayHttpSettings(
          Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofSeconds(1));
  private static AlipaySimulator sim;

  @BeforeAll
  static void start() {
    // no call is made: the simulator only issues certificates
    sim = AlipaySimulator.start(SimulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void unchangedSettingsKeepTheClientChangedOnesSwapIt() {
    KeyPair keys = ModeApps.rsa();
    AtomicReference<AlipayApp> current =
        new AtomicReference<>(
            ModeApps.register(sim, "a", "2021000000099001", keys, AlipayMode.PUBLIC_KEY, null));
    AlipayClients clients = AlipayClients.fromSources(List.of(source(current)), HTTP);
    Object before = clients.forApp("a").orElseThrow();

    assertThat(clients.reload()).isEmpty();
    assertThat(clients.forApp("a").orElseThrow()).isSameAs(before);

    current.set(
        ModeApps.register(
            sim, "a", "2021000000099001", ModeApps.rsa(), AlipayMode.PUBLIC_KEY, null));
    assertThat(clients.reload()).containsExactly("a");
    assertThat(clients.forApp("a").orElseThrow()).isNotSameAs(before);
  }

  @Test
  void aHalfDoneRotationOrUnreadableSettingsKeepTheCurrentClient() {
    KeyPair keys = ModeApps.rsa();
    AlipayApp good =
        ModeApps.register(sim, "c", "2021000000099002", keys, AlipayMode.CERTIFICATE, null);
    AtomicReference<AlipayApp> current = new AtomicReference<>(good);
    AlipayClients clients = AlipayClients.fromSources(List.of(source(current)), HTTP);
    Object before = clients.forApp("c").orElseThrow();

    // the new private key is written, the new certificate not yet
    current.set(
        new AlipayApp(
            "c",
            good.appId(),
            AlipayMode.CERTIFICATE,
            ModeApps.b64(ModeApps.rsa().getPrivate().getEncoded()),
            null,
            good.appCert(),
            good.alipayCert(),
            good.alipayRootCert(),
            null,
            good.gatewayUrl(),
            "RSA2"));
    assertThat(clients.reload()).isEmpty();
    assertThat(clients.forApp("c").orElseThrow()).isSameAs(before);
    assertThat(clients.modeOf("c")).isEqualTo(AlipayMode.CERTIFICATE);

    // a file that cannot be read, or settings that no longer parse
    current.set(null);
    assertThat(clients.reload()).isEmpty();
    assertThat(clients.forApp("c").orElseThrow()).isSameAs(before);
  }

  private static AlipayAppSource source(AtomicReference<AlipayApp> app) {
    return new AlipayAppSource() {
      private final String name = app.get().name();

      @Override
      public String name() {
        return name;
      }

      @Override
      public AlipayApp load() {
        AlipayApp loaded = app.get();
        if (loaded == null) {
          throw new java.io.UncheckedIOException(new java.io.IOException("unreadable"));
        }
        return loaded;
      }
    };
  }
}
