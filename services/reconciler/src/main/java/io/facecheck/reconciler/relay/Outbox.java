package io.facecheck.reconciler.relay;

import io.facecheck.statemachine.jdbc.OutboxEntry;
import java.util.List;

/** The relay's view of the outbox table (the status machine's OutboxReader in production). */
public interface Outbox {

  /** The oldest unpublished events, in id order: per verification, the order of its changes. */
  List<OutboxEntry> fetchUnpublished(int limit);

  /** Marks events as published once Kafka acknowledged them. */
  int markPublished(List<Long> ids);
}
