package io.facecheck.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.ops.InProcessOps.Run;
import io.facecheck.ops.exit.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --kafka-properties} reaches every Kafka client ops creates: a file that matches the test
 * broker (PLAINTEXT) reads the dead-letter topics; one that asks for TLS cannot reach it, and says
 * so with exit code 2 instead of reading in plaintext anyway.
 */
class KafkaPropertiesIT {

  private static StoredVerifications verifications;
  private static InProcessOps ops;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    verifications = StoredVerifications.migrated(Clock.systemUTC());
    WorkerDeadLetters.createTopics();
    ops = new InProcessOps(verifications.db, Clock.systemUTC());
  }

  @Test
  void aFileThatMatchesTheBrokerReadsTheDeadLetterTopics() throws Exception {
    Path file = dir.resolve("plaintext.properties");
    Files.writeString(file, "security.protocol=PLAINTEXT\nclient.dns.lookup=use_all_dns_ips\n");

    Run run = ops.run("dlt", "list", "--kafka-properties", file.toString(), "--json");

    assertThat(run.code()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.NOT_FOUND);
  }

  @Test
  void aFileAskingForTlsIsAppliedAndCannotReachAPlaintextBroker() throws Exception {
    Path file = dir.resolve("tls.properties");
    Files.writeString(file, "security.protocol=SSL\n");

    Run run =
        ops.run("dlt", "list", "--kafka-properties", file.toString(), "--timeout-seconds", "5");

    assertThat(run.code()).isEqualTo(ExitCodes.CONNECTION);
  }

  @Test
  void aMissingFileIsAUsageErrorNamingIt() {
    Run run = ops.run("dlt", "list", "--kafka-properties", dir.resolve("nope").toString());

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("cannot read the Kafka client properties").contains("nope");
  }
}
