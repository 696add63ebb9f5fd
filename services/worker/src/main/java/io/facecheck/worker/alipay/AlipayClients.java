package io.facecheck.worker.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.internal.util.AlipayLogger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One thread-safe SDK client per configured app, by app name: a {@link KeyCachingAlipayClient}, so
 * keys are parsed once and the SDK's key-pair self-check does not cost a signature per call.
 */
public final class AlipayClients {

  private final Map<String, AlipayClient> byApp;

  private AlipayClients(Map<String, AlipayClient> byApp) {
    this.byApp = Map.copyOf(byApp);
  }

  public static AlipayClients create(Iterable<AlipayApp> apps, AlipayHttpSettings http) {
    // The SDK logs every call's biz_content (cert_name, cert_no) at INFO and request bodies on
    // errors: it must be off before the first call. JVM-wide, and never turned back on.
    AlipayLogger.setNeedEnableLogger(false);
    Map<String, AlipayClient> clients = new LinkedHashMap<>();
    for (AlipayApp app : apps) {
      clients.put(app.name(), newClient(app, http));
    }
    return new AlipayClients(clients);
  }

  /** The client of the app a request names, or empty when no such app is configured. */
  public Optional<AlipayClient> forApp(String app) {
    return Optional.ofNullable(byApp.get(app));
  }

  public Set<String> appNames() {
    return byApp.keySet();
  }

  private static AlipayClient newClient(AlipayApp app, AlipayHttpSettings http) {
    AlipayConfig config = new AlipayConfig();
    config.setServerUrl(app.gatewayUrl());
    config.setAppId(app.appId());
    config.setPrivateKey(app.privateKey());
    config.setAlipayPublicKey(app.alipayPublicKey());
    config.setSignType(app.signType());
    config.setCharset("UTF-8");
    config.setFormat("json");
    config.setConnectTimeout((int) http.connectTimeout().toMillis());
    config.setReadTimeout((int) http.readTimeout().toMillis());
    // > 0 switches the SDK to its pooled okhttp client
    config.setMaxIdleConnections(http.maxIdleConnections());
    config.setKeepAliveDuration(http.keepAlive().toMillis());
    try {
      return new KeyCachingAlipayClient(config);
    } catch (AlipayApiException e) {
      // the SDK's message may quote key material: name the app and the exception type only
      throw new IllegalStateException(
          "Alipay app '"
              + app.name()
              + "' is misconfigured ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }
}
