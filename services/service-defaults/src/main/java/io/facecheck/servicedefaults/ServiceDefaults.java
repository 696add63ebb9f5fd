package io.facecheck.servicedefaults;

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
 * Adds a service's defaults (a properties resource in its jar) beneath every other setting, even
 * beneath the properties a launcher such as the devstack passes to SpringApplicationBuilder, and
 * early enough for logging levels. Not an application.properties: in the devstack's JVM every
 * service's jar is on the classpath, and one file of that name would configure the others too. Acts
 * only for its own application.
 */
public abstract class ServiceDefaults implements EnvironmentPostProcessor {

  private final Class<?> application;
  private final String resource;

  /** {@code resource}: a classpath resource in the service's own jar, named after its package. */
  protected ServiceDefaults(Class<?> application, String resource) {
    this.application = application;
    this.resource = resource;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    if (!app.getAllSources().contains(application)) {
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

  private Map<String, Object> load() {
    Properties properties = new Properties();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is missing from the jar of " + application.getSimpleName());
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
