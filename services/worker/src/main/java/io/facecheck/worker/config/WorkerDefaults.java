package io.facecheck.worker.config;

import io.facecheck.worker.WorkerApplication;
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
 * Adds the worker's defaults (worker-defaults.properties) beneath every other setting, even beneath
 * the properties a launcher passes to SpringApplicationBuilder. Early enough for the logging levels
 * that keep the Alipay SDK's call logs off. Not an application.yml: in the devstack's JVM every
 * service's jar is on the classpath, and a file of that name would configure the others too. Acts
 * only for the worker.
 */
public class WorkerDefaults implements EnvironmentPostProcessor {

  static final String RESOURCE = "io/facecheck/worker/worker-defaults.properties";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!application.getAllSources().contains(WorkerApplication.class)) {
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
    try (InputStream in = WorkerDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the worker's jar");
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
