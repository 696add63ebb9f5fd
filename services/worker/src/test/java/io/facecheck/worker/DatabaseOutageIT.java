package io.facecheck.worker;

import static io.facecheck.worker.support.StoredVerificationReader.header;
import static io.facecheck.worker.support.StoredVerificationReader.key;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.SimulatedAlipay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * The transient side of a poison record: PostgreSQL failing one record's insert with a connection
 * error (SQLState 08006, raised by a trigger while a switch is on) pauses and retries that record
 * for as long as it lasts, never dead-letters it, and never redoes its finished neighbours (the
 * dead letter of an unparseable neighbour is published once, however often the failing record is
 * tried again).
 */
class DatabaseOutageIT extends LiveWorker {

  private static final int PARTITION = 3;
  private static final String INITIALIZE = "alipay.user.certify.open.initialize";

  @BeforeEach
  void outageSwitch() {
    jdbc.execute("CREATE SEQUENCE it_outage_hits");
    jdbc.execute("CREATE TABLE it_outage (down boolean NOT NULL)");
    jdbc.execute("INSERT INTO it_outage VALUES (true)");
    jdbc.execute(
        "CREATE FUNCTION it_outage_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " IF NEW.request_id LIKE 'outage-%' AND (SELECT down FROM it_outage) THEN"
            + " PERFORM nextval('it_outage_hits');"
            + " RAISE EXCEPTION 'simulated connection failure' USING ERRCODE = '08006';"
            + " END IF; RETURN NEW; END $$");
    jdbc.execute(
        "CREATE TRIGGER it_outage BEFORE INSERT ON verifications"
            + " FOR EACH ROW EXECUTE FUNCTION it_outage_check()");
  }

  @AfterEach
  void removeSwitch() {
    jdbc.execute("DROP TRIGGER IF EXISTS it_outage ON verifications");
    jdbc.execute("DROP FUNCTION IF EXISTS it_outage_check()");
    jdbc.execute("DROP TABLE IF EXISTS it_outage");
    jdbc.execute("DROP SEQUENCE IF EXISTS it_outage_hits");
  }

  @Test
  void aRecordHitByAnOutageIsRetriedUntilItPassesWithoutRedoingItsNeighbours(CapturedOutput out) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String blocked = "outage-" + run;
    String neighbour = "neighbour-" + run;
    String unparseable = "unparseable-" + run;
    long calls = SimulatedAlipay.simulator().stats().total(INITIALIZE);

    // one partition, three keys: the failing record sits between two neighbours in one batch
    send(neighbour, RequestJson.request(CLIENT, neighbour, name(), certNo()));
    send(blocked, RequestJson.request(CLIENT, blocked, name(), certNo()));
    send(unparseable, "{not json".getBytes(UTF_8));
    producer.flush();

    awaitStatus(neighbour, "AWAITING_USER");
    await()
        .atMost(WAIT)
        .until(() -> jdbc.queryForObject("SELECT last_value FROM it_outage_hits", Long.class) >= 3);
    jdbc.update("UPDATE it_outage SET down = false"); // PostgreSQL is back

    Map<String, Object> row = awaitStatus(blocked, "AWAITING_USER");
    assertThat(row.get("status")).isEqualTo("AWAITING_USER");
    List<ConsumerRecord<byte[], byte[]>> letters =
        requestDeadLetters.readToEnd(r -> key(r).equals(unparseable), Duration.ofSeconds(30));
    assertThat(letters).hasSize(1); // not republished on each retry of the blocked record
    assertThat(header(letters.get(0), DeadLetterHeaders.REASON)).isEqualTo("INVALID_JSON");
    assertThat(requestDeadLetters.readToEnd(r -> key(r).equals(blocked), Duration.ofSeconds(30)))
        .isEmpty(); // an outage never dead-letters
    assertThat(SimulatedAlipay.simulator().stats().total(INITIALIZE) - calls).isEqualTo(2);
    assertThat(statusesOf((UUID) verificationsRow(neighbour).get("id")))
        .containsExactly("RECEIVED", "INITIALIZING", "AWAITING_USER");
    assertNoPiiLogged(out);
  }

  private void send(String key, byte[] value) {
    producer.sendToLater(Topics.REQUESTS, PARTITION, key.getBytes(UTF_8), value);
  }

  private Map<String, Object> verificationsRow(String requestId) {
    return jdbc.queryForMap(
        "SELECT * FROM verifications WHERE client_id = ? AND request_id = ?", CLIENT, requestId);
  }
}
