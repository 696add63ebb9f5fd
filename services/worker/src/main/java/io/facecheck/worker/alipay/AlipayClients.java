package io.facecheck.worker.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.internal.util.AlipayLogger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread-safe SDK client per configured app, by app name: a {@link KeyCachingAlipayClient}, so
 * keys are parsed once and the SDK's key-pair self-check does not cost a signature per call.
 *
 * <p>{@link #reload()} reads every app's settings again (files rewritten by a rotation) and, for an
 * app whose settings changed, builds a new client and swaps it in: calls already running finish on
 * the client they started with, later calls use the new one. A reload that fails for an app keeps
 * its current client (a half-written file must not take an app down) and says so in the log, naming
 * the app and the exception type only.
 */
public final class AlipayClients {
  private static final Logger log = LoggerFactory.getLogger(AlipayClients.class);

  /** A client and the settings it was built from. */
  private record Built(AlipayApp app, KeyCachingAlipayClient client) {}

  private final List<AlipayAppSource> sources;
  private final AlipayHttpSettings http;
  private final AtomicReference<Map<String, Built>> byApp;

  private AlipayClients(
      List<AlipayAppSource> sources, AlipayHttpSettings http, Map<String, Built> byApp) {
    this.sources = List.copyOf(sources);
    this.http = http;
    this.byApp = new AtomicReference<>(Map.copyOf(byApp));
  }

  public static AlipayClients create(Iterable<AlipayApp> apps, AlipayHttpSettings http) {
    List<AlipayAppSource> sources = new ArrayList<>();
    apps.forEach(app -> sources.add(AlipayAppSource.fixed(app)));
    return fromSources(sources, http);
  }

  /** Clients for apps whose settings are read from {@code sources} (now, and on each reload). */
  public static AlipayClients fromSources(List<AlipayAppSource> sources, AlipayHttpSettings http) {
    // The SDK logs every call's biz_content (cert_name, cert_no) at INFO and request bodies on
    // errors: it must be off before the first call. JVM-wide, and never turned back on.
    AlipayLogger.setNeedEnableLogger(false);
    Map<String, Built> clients = new LinkedHashMap<>();
    for (AlipayAppSource source : sources) {
      AlipayApp app = source.load();
      clients.put(source.name(), new Built(app, newClient(app, http)));
    }
    return new AlipayClients(sources, http, clients);
  }

  /** The client of the app a request names, or empty when no such app is configured. */
  public Optional<AlipayClient> forApp(String app) {
    return Optional.ofNullable(byApp.get().get(app)).map(Built::client);
  }

  /** The mode of an app's current client (public key when the app is unknown). */
  public AlipayMode modeOf(String app) {
    Built built = byApp.get().get(app);
    return built == null ? AlipayMode.PUBLIC_KEY : built.app().mode();
  }

  public Set<String> appNames() {
    return byApp.get().keySet();
  }

  /**
   * Reads every app's settings again and swaps in a new client for each app whose settings changed;
   * answers the names of the apps swapped.
   */
  public synchronized List<String> reload() {
    Map<String, Built> current = byApp.get();
    Map<String, Built> next = new LinkedHashMap<>(current);
    List<String> swapped = new ArrayList<>();
    for (AlipayAppSource source : sources) {
      try {
        AlipayApp app = source.load();
        Built built = current.get(source.name());
        if (built == null || !built.app().equals(app)) {
          next.put(source.name(), new Built(app, newClient(app, http)));
          swapped.add(source.name());
        }
      } catch (RuntimeException e) {
        log.warn(
            "Alipay app '{}': credentials not reloaded, the current client stays ({})",
            source.name(),
            e.getClass().getSimpleName()
                + (e instanceof IllegalArgumentException ? ": " + e.getMessage() : ""));
      }
    }
    if (!swapped.isEmpty()) {
      byApp.set(Map.copyOf(next));
      log.info("Alipay credentials reloaded for apps {}", swapped);
    }
    return swapped;
  }

  private static KeyCachingAlipayClient newClient(AlipayApp app, AlipayHttpSettings http) {
    if (app.mode() == AlipayMode.CERTIFICATE
        && !AppCertificateKey.matches(app.privateKey(), app.appCert())) {
      throw new IllegalArgumentException(
          "facecheck.worker.alipay.apps."
              + app.name()
              + ".app-cert is not the certificate of its private-key (a rotation half done?)");
    }
    try {
      return new KeyCachingAlipayClient(sdkConfig(app, http));
    } catch (AlipayApiException e) {
      // the SDK's message may quote key material: name the app and the exception type only
      throw new IllegalStateException(
          "Alipay app '"
              + app.name()
              + "' is misconfigured ("
              + e.getClass().getSimpleName()
              + (e.getErrCode() != null ? " " + e.getErrCode() : "")
              + ")");
    }
  }

  /** The SDK's configuration for an app, in its mode. */
  static AlipayConfig sdkConfig(AlipayApp app, AlipayHttpSettings http) {
    AlipayConfig config = new AlipayConfig();
    config.setServerUrl(app.gatewayUrl());
    config.setAppId(app.appId());
    config.setPrivateKey(app.privateKey());
    if (app.mode() == AlipayMode.CERTIFICATE) {
      config.setAppCertContent(app.appCert());
      config.setAlipayPublicCertContent(app.alipayCert());
      config.setRootCertContent(app.alipayRootCert());
    } else {
      config.setAlipayPublicKey(app.alipayPublicKey());
    }
    if (app.encrypted()) {
      config.setEncryptType("AES");
      config.setEncryptKey(app.encryptKey());
    }
    config.setSignType(app.signType());
    config.setCharset("UTF-8");
    config.setFormat("json");
    config.setConnectTimeout((int) http.connectTimeout().toMillis());
    config.setReadTimeout((int) http.readTimeout().toMillis());
    // > 0 switches the SDK to its pooled okhttp client
    config.setMaxIdleConnections(http.maxIdleConnections());
    config.setKeepAliveDuration(http.keepAlive().toMillis());
    return config;
  }
}
