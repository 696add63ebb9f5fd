package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database never holds cert_name or cert_no in plaintext: after verifications went through
 * every kind of write, every row of every table, cast to text, is searched for them.
 */
class PlaintextAtRestIT {

  private static MigratedDatabase db;

  @BeforeAll
  static void fill() {
    db = MigratedDatabase.create();
    JdbcVerificationStore store = db.store();
    Verification passed = Stores.awaiting(db, store, "pii-passed");
    store.apply(passed.markPassed(), "reconciler");
    Verification returned = Stores.awaiting(db, store, "pii-failed");
    returned = store.find(returned.id()).orElseThrow();
    store.apply(returned.recordUserReturned(db.clock.instant()), "reconciler");
    store.apply(store.find(returned.id()).orElseThrow().markFailed("face mismatch"), "reconciler");
    Verification rejected = Stores.created(db, store, "pii-rejected");
    store.apply(rejected.markRejected("40004", null, "Alipay refused"), "worker");
    store.recordNote(rejected.id(), Causes.LATE_RESULT, "reconciler", Map.of("outcome", "PASSED"));
  }

  @Test
  void noTableHoldsTheIdentityInPlaintext() {
    List<String> tables =
        db.jdbc
            .sql(
                "SELECT quote_ident(table_name) FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
            .query(String.class)
            .list();
    assertThat(tables).contains("verifications", "verification_transitions", "outbox");

    for (String table : tables) {
      List<String> rows =
          db.jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list();
      for (String row : rows) {
        assertNoPlaintext(table, row);
      }
    }
    assertThat(rowCount("verifications")).isEqualTo(3);
    assertThat(rowCount("outbox")).isEqualTo(5);
  }

  @Test
  void theCiphertextColumnsAreFilledAndDoNotContainThePlaintextBytes() {
    List<String> hex =
        db.jdbc
            .sql(
                "SELECT encode(cert_name_ciphertext, 'hex') || encode(cert_no_ciphertext, 'hex')"
                    + " FROM verifications")
            .query(String.class)
            .list();

    assertThat(hex).hasSize(3).allSatisfy(h -> assertThat(h).hasSizeGreaterThan(100));
    hex.forEach(h -> assertNoPlaintext("verifications(bytea)", h));
  }

  private static void assertNoPlaintext(String where, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String secret : List.of(Fixtures.CERT_NAME, Fixtures.CERT_NO)) {
      String secretHex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
      assertThat(text).as(where).doesNotContain(secret);
      assertThat(lower).as(where + " (hex)").doesNotContain(secretHex);
      assertThat(lower).as(where).doesNotContain(secret.toLowerCase(Locale.ROOT));
    }
    assertThat(text).as(where + " (the last digits of cert_no)").doesNotContain("1231002");
  }

  private static long rowCount(String table) {
    return db.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
