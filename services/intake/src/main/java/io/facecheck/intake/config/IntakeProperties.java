package io.facecheck.intake.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code facecheck.intake.*}.
 *
 * @param clients the business services allowed in, by client_id
 * @param publishTimeout how long a request waits for Kafka's acknowledgement before answering 503
 * @param recentReturns how many verifications' returns one instance remembers as published (about
 *     100 bytes each), so a replayed return URL is not published again while its token is valid
 * @param databaseDownPause after PostgreSQL was found unavailable, how long look-ups fail at once
 *     (503) before one probes again, so request threads do not queue on a database that is down
 */
@ConfigurationProperties("facecheck.intake")
public record IntakeProperties(
    Map<String, Client> clients,
    @DefaultValue("10s") Duration publishTimeout,
    @DefaultValue("200000") int recentReturns,
    @DefaultValue("2s") Duration databaseDownPause) {

  public IntakeProperties {
    clients = clients == null ? Map.of() : Map.copyOf(clients);
    if (recentReturns < 1) {
      throw new IllegalArgumentException("facecheck.intake.recent-returns must be at least 1");
    }
  }

  /**
   * One client's bearer token: either the token itself or, to keep plaintext out of the
   * configuration, its SHA-256 in hex.
   */
  public record Client(String token, String tokenSha256) {

    @Override
    public String toString() {
      return "Client[token=***]";
    }
  }
}
