package io.facecheck.devstack.chaos.verdict;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the verdict is computed from.
 *
 * @param requests the valid requests Kafka acknowledged or intake accepted (202/200)
 * @param unacknowledged valid requests never acknowledged (not counted as sent)
 * @param results every record on verification-results, copies included
 * @param requestDeadLetters every record on verification-requests-dlt
 * @param verifications every row of the verifications table
 * @param certifications the simulator's status of each certify_id it issued
 * @param simulatorCertifications how many certifications the simulator issued in all (it issues one
 *     per app and outer_order_no, however often initialize is called)
 * @param callbackVerificationIds verification ids with a record on verification-callbacks (a user
 *     return intake accepted)
 * @param hostile the hostile records sent
 * @param piiHits where cert_name or cert_no showed up (a description of the place, never the value)
 * @param offsetSamples consumer-group progress sampled from Kafka during the run
 * @param faults the faults injected, with their times
 */
public record Evidence(
    List<SentRequest> requests,
    int unacknowledged,
    List<ResultRecord> results,
    List<DeadLetteredRequest> requestDeadLetters,
    List<VerificationRow> verifications,
    Map<String, String> certifications,
    long simulatorCertifications,
    Set<String> callbackVerificationIds,
    List<HostileRecord> hostile,
    List<String> piiHits,
    List<OffsetSample> offsetSamples,
    List<InjectedFault> faults) {

  /** A valid request as sent: over Kafka or HTTP, acknowledged. */
  public record SentRequest(String clientId, String requestId, String channel) {
    public String key() {
      return clientId + ":" + requestId;
    }
  }

  /** One record of verification-results, as far as the verdict needs it. */
  public record ResultRecord(
      String clientId,
      String requestId,
      String eventId,
      String type,
      String status,
      boolean isFinal,
      String verificationId,
      String certifyUrl,
      long timestampMs) {
    public String key() {
      return clientId + ":" + requestId;
    }
  }

  /** A dead letter of verification-requests: where the original record was, and why. */
  public record DeadLetteredRequest(
      String originalTopic, int originalPartition, long originalOffset, String reason) {}

  /** A row of the verifications table. */
  public record VerificationRow(
      String id,
      String clientId,
      String requestId,
      String status,
      String outerOrderNo,
      String certifyId) {
    public String key() {
      return clientId + ":" + requestId;
    }
  }

  /**
   * A hostile record. Over Kafka: where it landed ({@code partition}, {@code offset}); over HTTP:
   * the status intake answered. {@code requestId} is null when the record has none to go by.
   */
  public record HostileRecord(
      String label,
      String channel,
      String clientId,
      String requestId,
      int partition,
      long offset,
      int httpStatus) {
    public String key() {
      return clientId + ":" + requestId;
    }

    public boolean overKafka() {
      return "kafka".equals(channel);
    }
  }

  /** One sample of a consumer group's committed offset and the partition's end. */
  public record OffsetSample(
      long atMs, String group, String topic, int partition, long committed, long end) {}

  /**
   * A fault injected: {@code kind} (kill, broker_stop, postgres_stop, postgres_pause,
   * alipay_outage, alipay_errors, hostile_burst), its target, and when it started and ended. {@code
   * continuous} faults (errors throughout) do not count for the recovery time.
   */
  public record InjectedFault(
      String kind, String target, long startMs, long endMs, boolean continuous) {}
}
