package io.facecheck.devstack.cli;

import io.facecheck.devstack.stack.ServiceProperties;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings a separately started service needs, as environment variables (Spring's relaxed
 * binding: upper case, dots to underscores, dashes dropped).
 */
final class EnvironmentExport {

  /**
   * Settings that only make sense inside the dev stack's JVM, that differ per service or instance,
   * or that each service's own defaults already get right (only the worker migrates the schema).
   */
  private static final Set<String> NOT_EXPORTED =
      Set.of(
          "spring.flyway.enabled",
          "spring.main.banner-mode",
          "spring.main.register-shutdown-hook",
          "server.port",
          "management.server.port",
          "facecheck.worker.instance",
          "facecheck.reconciler.source");

  private EnvironmentExport() {}

  /** One {@code export NAME='value'} line per setting of intake, worker and reconciler. */
  static String exports(ServiceProperties properties) {
    Map<String, String> all = new TreeMap<>();
    all.putAll(properties.intake());
    all.putAll(properties.worker());
    all.putAll(properties.reconciler(0, 0));
    StringBuilder out = new StringBuilder();
    all.forEach(
        (key, value) -> {
          if (!NOT_EXPORTED.contains(key) && !key.startsWith("logging.")) {
            out.append("export ").append(name(key)).append("='").append(value).append("'\n");
          }
        });
    return out.toString();
  }

  static String name(String property) {
    return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
  }
}
