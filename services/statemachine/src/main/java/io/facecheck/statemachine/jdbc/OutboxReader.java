package io.facecheck.statemachine.jdbc;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The relay's side of the outbox. Events come in id order, which within one verification is the
 * order of its changes; run one relay at a time (e.g. under an advisory lock), or two relays could
 * publish one verification's events out of order.
 */
public final class OutboxReader {

  private final JdbcClient jdbc;
  private final Clock clock;

  public OutboxReader(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  /** The oldest unpublished events, at most {@code limit}. */
  public List<OutboxEntry> fetchUnpublished(int limit) {
    return jdbc.sql(
            "SELECT id, event_id, verification_id, event_type, message_key, payload::text AS"
                + " payload, created_at, trace_parent FROM outbox WHERE published_at IS NULL ORDER BY id"
                + " LIMIT :limit")
        .param("limit", limit)
        .query(
            (rs, n) ->
                new OutboxEntry(
                    rs.getLong("id"),
                    rs.getObject("event_id", UUID.class),
                    rs.getObject("verification_id", UUID.class),
                    rs.getString("event_type"),
                    rs.getString("message_key"),
                    rs.getString("payload"),
                    Timestamps.read(rs, "created_at"),
                    rs.getString("trace_parent")))
        .list();
  }

  /**
   * Marks events as sent (after Kafka acknowledged them).
   *
   * @return how many were still unpublished
   */
  public int markPublished(List<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "UPDATE outbox SET published_at = :now WHERE id = ANY(:ids) AND published_at IS NULL")
        .param("now", Timestamps.toDb(clock.instant()))
        .param("ids", ids.toArray(new Long[0]))
        .update();
  }
}
