package io.facecheck.simulator.certification;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All certifications, by certify_id and by (app, outer_order_no). The simulator's choice:
 * initialize with an outer_order_no the app already used returns the same certify_id, whatever else
 * changed.
 */
public final class CertificationRegistry {
  /** A certification and whether this call created it. */
  public record Issued(Certification certification, boolean created) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, Certification> byId = new ConcurrentHashMap<>();
  private final Map<String, Certification> byOrder = new ConcurrentHashMap<>();
  private final Clock clock;

  public CertificationRegistry(Clock clock) {
    this.clock = clock;
  }

  public Issued initialize(String appId, String outerOrderNo, String returnUrl) {
    boolean[] created = {false};
    Certification certification =
        byOrder.computeIfAbsent(
            appId + '\n' + outerOrderNo,
            key -> {
              created[0] = true;
              Certification fresh =
                  new Certification(
                      newId(), appId, outerOrderNo, returnUrl, newId(), clock.instant());
              byId.put(fresh.certifyId(), fresh);
              return fresh;
            });
    return new Issued(certification, created[0]);
  }

  public Optional<Certification> find(String certifyId) {
    return certifyId == null ? Optional.empty() : Optional.ofNullable(byId.get(certifyId));
  }

  public Map<CertificationStatus, Long> countByStatus() {
    Map<CertificationStatus, Long> counts = new EnumMap<>(CertificationStatus.class);
    for (CertificationStatus status : CertificationStatus.values()) {
      counts.put(status, 0L);
    }
    byId.values().forEach(c -> counts.merge(c.status(), 1L, Long::sum));
    return counts;
  }

  /**
   * 32 lowercase hex characters, the length of Alipay's certify_ids, random so restarts never reuse
   * one.
   */
  private static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
