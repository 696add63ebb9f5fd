package io.facecheck.reconciler.config;

import io.facecheck.reconciler.ReconcilerApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Adds the reconciler's defaults (reconciler-defaults.properties) beneath every other setting, even
 * beneath the properties a launcher such as the devstack passes to SpringApplicationBuilder. A
 * plain application.properties would not do: in the devstack's JVM every service's jar is on the
 * classpath and one file of that name would shadow the others. Acts only for the reconciler.
 */
public class ReconcilerDefaults implements EnvironmentPostProcessor {

  static final String RESOURCE = "io/facecheck/reconciler/reconciler-defaults.properties";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!application.getAllSources().contains(ReconcilerApplication.class)) {
      return;
    }
    Map<String, Object> merged = new HashMap<>(load());
    MutablePropertySources sources = env.getPropertySources();
    PropertySource<?> given = sources.get(DefaultPropertiesPropertySource.NAME);
    if (given instanceof MapPropertySource map) {
      merged.putAll(map.getSource()); // the launcher's values win over ours
      sources.replace(given.getName(), new DefaultPropertiesPropertySource(merged));
    } else {
      sources.addLast(new DefaultPropertiesPropertySource(merged));
    }
  }

  private static Map<String, Object> load() {
    Properties properties = new Properties();
    try (InputStream in = ReconcilerDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the reconciler's jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> defaults = new HashMap<>();
    properties.forEach((k, v) -> defaults.put((String) k, v));
    return defaults;
  }
}
