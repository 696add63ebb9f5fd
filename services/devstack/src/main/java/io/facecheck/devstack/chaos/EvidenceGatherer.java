package io.facecheck.devstack.chaos;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.devstack.chaos.verdict.Evidence.DeadLetteredRequest;
import io.facecheck.devstack.chaos.verdict.Evidence.VerificationRow;
import io.facecheck.devstack.infra.Postgres;
import io.facecheck.simulator.AlipaySimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What the run left behind, read after the services stopped: every topic (dead letters and
 * callbacks kept, everything but the request topics searched for PII), every table (rows kept,
 * every row searched as text: sealed columns are ciphertext, so only unsealed PII can match), the
 * simulator's certifications, and every log file.
 */
final class EvidenceGatherer {

  private final String bootstrapServers;
  private final PiiScanner pii;
  final List<String> piiHits = new ArrayList<>();
  final List<DeadLetteredRequest> requestDeadLetters = new ArrayList<>();
  final Set<String> callbackVerificationIds = new HashSet<>();
  final List<VerificationRow> verifications = new ArrayList<>();
  final Map<String, String> certifications = new HashMap<>();
  long simulatorCertifications;

  EvidenceGatherer(String bootstrapServers, PiiScanner pii) {
    this.bootstrapServers = bootstrapServers;
    this.pii = pii;
  }

  /** Topics that carry the request itself, PII and all, by contract. */
  static boolean carriesRequests(String topic) {
    return topic.equals(Topics.REQUESTS)
        || topic.equals(Topics.REQUESTS_DLT)
        || topic.startsWith(Topics.REQUESTS_RETRY_PREFIX);
  }

  void readKafka() throws Exception {
    Set<String> topics;
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      topics = admin.listTopics().names().get(1, TimeUnit.MINUTES);
    }
    for (String topic : topics) {
      if (topic.startsWith("__")) {
        continue;
      }
      TopicReader.readAll(bootstrapServers, topic, r -> record(topic, r));
    }
  }

  private void record(String topic, ConsumerRecord<byte[], byte[]> r) {
    if (topic.equals(Topics.REQUESTS_DLT)) {
      requestDeadLetters.add(
          new DeadLetteredRequest(
              header(r, DeadLetterHeaders.ORIGINAL_TOPIC),
              parseInt(header(r, DeadLetterHeaders.ORIGINAL_PARTITION)),
              parseLong(header(r, DeadLetterHeaders.ORIGINAL_OFFSET)),
              header(r, DeadLetterHeaders.REASON)));
    }
    if (topic.equals(Topics.CALLBACKS) && r.key() != null) {
      callbackVerificationIds.add(new String(r.key(), StandardCharsets.UTF_8));
    }
    if (carriesRequests(topic)) {
      return;
    }
    boolean hit = pii.containsPii(text(r.key())) || pii.containsPii(text(r.value()));
    for (Header h : r.headers()) {
      hit |= pii.containsPii(h.key()) || pii.containsPii(text(h.value()));
    }
    if (hit) {
      piiHits.add("topic " + topic + " partition " + r.partition() + " offset " + r.offset());
    }
  }

  void readDatabase(Postgres postgres) throws SQLException {
    try (Connection c = postgres.connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT id, client_id, request_id, status, outer_order_no, certify_id FROM verifications")) {
        while (rs.next()) {
          verifications.add(
              new VerificationRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6)));
        }
      }
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                  + " AND table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        s.setFetchSize(1000);
        c.setAutoCommit(false);
        try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
          long row = 0;
          while (rs.next()) {
            row++;
            if (pii.containsPii(rs.getString(1))) {
              piiHits.add("table " + table + " row " + row);
            }
          }
        }
        c.commit();
      }
    }
  }

  void readSimulator(AlipaySimulator simulator) {
    for (VerificationRow row : verifications) {
      if (row.certifyId() != null) {
        simulator
            .certificationStatus(row.certifyId())
            .ifPresent(status -> certifications.put(row.certifyId(), status.name()));
      }
    }
    simulatorCertifications =
        simulator.stats().certifications().values().stream().mapToLong(Long::longValue).sum();
  }

  void readLogs(List<Path> logs) {
    for (Path log : logs) {
      if (!Files.exists(log)) {
        continue;
      }
      try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          if (pii.containsPii(line)) {
            piiHits.add("log " + log.getFileName() + " line " + number);
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // a log that is not UTF-8 throughout: read it as bytes, replacing what does not decode
        readLossy(log);
      }
    }
  }

  private void readLossy(Path log) {
    try {
      String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
      String[] lines = text.split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (pii.containsPii(lines[i])) {
          piiHits.add("log " + log.getFileName() + " line " + (i + 1));
        }
      }
    } catch (IOException e) {
      piiHits.add("log " + log.getFileName() + " could not be read: " + e.getMessage());
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
    Header h = r.headers().lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static int parseInt(String s) {
    try {
      return s == null ? -1 : Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long parseLong(String s) {
    try {
      return s == null ? -1 : Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
