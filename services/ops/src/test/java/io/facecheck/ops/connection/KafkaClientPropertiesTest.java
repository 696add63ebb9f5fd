package io.facecheck.ops.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class KafkaClientPropertiesTest {

  @TempDir Path dir;

  @Command
  static final class Probe {
    @Mixin ConnectionOptions connection;
  }

  private static ConnectionSettings resolve(Map<String, String> env, String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.connection.resolve(env);
  }

  private Path file(String text) throws Exception {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void theFilesSecuritySettingsReachEveryClientButNeverOverrideWhatOpsReliesOn() throws Exception {
    Path file =
        file(
            "security.protocol=SASL_SSL\n"
                + "sasl.mechanism=SCRAM-SHA-512\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule"
                + " required username=\"ops\" password=\"s3cret\";\n"
                + "enable.auto.commit=true\n"
                + "acks=1\n");

    ConnectionSettings settings = resolve(Map.of(), "--kafka-properties", file.toString());
    Map<String, Object> reader = KafkaClients.readerConfig(settings);
    Map<String, Object> publisher = KafkaClients.publisherConfig(settings);

    for (Map<String, Object> config : java.util.List.of(reader, publisher)) {
      assertThat(config)
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsKey("sasl.jaas.config");
    }
    assertThat(reader).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    assertThat(publisher).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    assertThat(settings.toString()).contains("sasl.jaas.config").doesNotContain("s3cret");
  }

  @Test
  void bootstrapServersComeFromTheOptionThenTheEnvironmentThenTheFile() throws Exception {
    Path file = file("bootstrap.servers=kafka.example:9093\n");

    assertThat(resolve(Map.of(), "--kafka-properties", file.toString()).bootstrapServers())
        .isEqualTo("kafka.example:9093");
    assertThat(
            resolve(
                    Map.of(ConnectionOptions.KAFKA_ENV, "env:9092"),
                    "--kafka-properties",
                    file.toString())
                .bootstrapServers())
        .isEqualTo("env:9092");
    assertThat(
            resolve(
                    Map.of(ConnectionOptions.KAFKA_PROPERTIES_ENV, file.toString()),
                    "--bootstrap-servers",
                    "opt:9092")
                .bootstrapServers())
        .isEqualTo("opt:9092");
    assertThat(
            resolve(Map.of(ConnectionOptions.KAFKA_PROPERTIES_ENV, file.toString()))
                .kafkaProperties())
        .containsEntry("bootstrap.servers", "kafka.example:9093");
  }

  @Test
  void withoutAFileNothingChanges() {
    assertThat(resolve(Map.of()).kafkaProperties()).isEmpty();
    assertThat(KafkaClients.readerConfig(resolve(Map.of()))).doesNotContainKey("security.protocol");
  }
}
