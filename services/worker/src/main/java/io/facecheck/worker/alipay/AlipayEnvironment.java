package io.facecheck.worker.alipay;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which Alipay the apps talk to, and the startup check that refuses obviously mixed settings:
 * {@code facecheck.worker.alipay.environment} ({@code simulator}, {@code sandbox}, {@code
 * production}) must match every app's gateway; all apps must point at the same kind of gateway; the
 * production gateway only over https and never with a sandbox app id (sandbox app ids begin with
 * 9021000, production ones with 20).
 */
public enum AlipayEnvironment {
  SIMULATOR,
  SANDBOX,
  PRODUCTION;

  static final String PRODUCTION_HOST = "openapi.alipay.com";
  static final Set<String> SANDBOX_HOSTS =
      Set.of("openapi-sandbox.dl.alipaydev.com", "openapi.alipaydev.com");
  private static final String SANDBOX_APP_ID_PREFIX = "9021000";

  /** The environment a gateway URL belongs to: anything not Alipay's is a simulator. */
  public static AlipayEnvironment ofGateway(String gatewayUrl) {
    String host;
    try {
      host = URI.create(gatewayUrl.strip()).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    if (host == null) {
      throw new IllegalStateException("gateway-url " + gatewayUrl + " is not a URL");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.equals(PRODUCTION_HOST)) {
      return PRODUCTION;
    }
    return SANDBOX_HOSTS.contains(host) ? SANDBOX : SIMULATOR;
  }

  /**
   * Throws IllegalStateException, naming the app and the setting (never a key), when the apps do
   * not fit {@code configured} (blank: any one environment) or mix settings of two environments.
   */
  public static void check(String configured, List<AlipayApp> apps) {
    AlipayEnvironment expected = parse(configured);
    for (AlipayApp app : apps) {
      AlipayEnvironment actual = ofGateway(app.gatewayUrl());
      String setting = "facecheck.worker.alipay.apps." + app.name();
      if (expected != null && actual != expected) {
        throw new IllegalStateException(
            setting
                + ".gateway-url is a "
                + actual.label()
                + " gateway but facecheck.worker.alipay.environment is "
                + expected.label());
      }
      if (actual == PRODUCTION && !app.gatewayUrl().strip().startsWith("https://")) {
        throw new IllegalStateException(setting + ".gateway-url: production only over https");
      }
      if (actual == PRODUCTION && app.appId().startsWith(SANDBOX_APP_ID_PREFIX)) {
        throw new IllegalStateException(
            setting + ".app-id looks like a sandbox app id but gateway-url is production");
      }
    }
    Set<AlipayEnvironment> used =
        apps.stream().map(a -> ofGateway(a.gatewayUrl())).collect(Collectors.toSet());
    if (used.size() > 1) {
      throw new IllegalStateException(
          "facecheck.worker.alipay.apps point at gateways of "
              + used.stream().map(AlipayEnvironment::label).sorted().toList()
              + ": one environment per worker");
    }
  }

  static AlipayEnvironment parse(String configured) {
    if (configured == null || configured.isBlank()) {
      return null;
    }
    try {
      return valueOf(configured.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "facecheck.worker.alipay.environment must be simulator, sandbox or production, got "
              + configured);
    }
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
