package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.statemachine.Verification;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OutboxReaderIT {

  private static MigratedDatabase db;
  private static JdbcVerificationStore store;
  private static OutboxReader outbox;

  @BeforeAll
  static void migrate() {
    db = MigratedDatabase.create();
    store = db.store();
    outbox = new OutboxReader(db.dataSource, db.clock);
  }

  @Test
  void deliversOneVerificationsEventsInOrderUntilMarkedPublished() {
    Verification v = Stores.awaiting(db, store, "relay-1");
    store.apply(v.markPassed(), "reconciler");

    List<OutboxEntry> pending = outbox.fetchUnpublished(100);

    assertThat(pending)
        .extracting(OutboxEntry::eventType)
        .containsExactly("verification.certify_url_issued", "verification.passed");
    assertThat(pending).extracting(OutboxEntry::messageKey).containsOnly("loan-service:relay-1");
    assertThat(pending.get(0).id()).isLessThan(pending.get(1).id());
    var json = JsonMapper.builder().build().readTree(pending.get(1).payload());
    assertThat(json.get("status").asString()).isEqualTo("PASSED");
    assertThat(json.get("event_id").asString()).isEqualTo(pending.get(1).eventId().toString());

    assertThat(outbox.markPublished(List.of(pending.get(0).id()))).isEqualTo(1);
    assertThat(outbox.markPublished(List.of(pending.get(0).id()))).isZero();
    assertThat(outbox.fetchUnpublished(100))
        .extracting(OutboxEntry::id)
        .containsExactly(pending.get(1).id());
  }
}
