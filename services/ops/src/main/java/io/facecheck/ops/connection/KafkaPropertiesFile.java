package io.facecheck.ops.connection;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A Kafka client properties file, as {@code kafka-console-consumer --consumer.config} takes one:
 * {@code security.protocol=SASL_SSL}, {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code
 * ssl.truststore.location}… Unreadable: exit 2, saying which file (never its contents, which may
 * hold a password).
 */
final class KafkaPropertiesFile {

  private KafkaPropertiesFile() {}

  static Map<String, String> read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new UnreadableSettings(
          "cannot read the Kafka client properties " + file + ": " + e.getClass().getSimpleName(),
          e);
    }
    Map<String, String> values = new HashMap<>();
    properties
        .stringPropertyNames()
        .forEach(name -> values.put(name, properties.getProperty(name)));
    return values;
  }
}
