package io.facecheck.ops.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineViewTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void listsTheVerificationThenItsTransitionsInOrder() {
    Verification v = received().markInitializing("FC1").after().markDeadLettered("X").after();
    List<Transition> transitions =
        List.of(
            new Transition(
                1,
                v.id(),
                null,
                VerificationStatus.RECEIVED,
                "REQUEST_RECEIVED",
                "w@1",
                T0,
                Map.of()),
            new Transition(
                2,
                v.id(),
                VerificationStatus.RECEIVED,
                VerificationStatus.INITIALIZING,
                "INITIALIZE_STARTED",
                "w@1",
                T0.plusSeconds(1),
                Map.of("outer_order_no", "FC1")),
            new Transition(
                3,
                v.id(),
                VerificationStatus.INITIALIZING,
                VerificationStatus.DEAD_LETTERED,
                "DEAD_LETTERED",
                "w@1",
                T0.plusSeconds(2),
                Map.of("reason", "X")));

    List<String> lines = TimelineView.lines(v, transitions);
    String text = String.join("\n", lines);

    assertThat(text)
        .contains("verification    " + v.id())
        .contains("request         loan-service:order-42")
        .contains("status          DEAD_LETTERED (reason X, a replay returns it to INITIALIZING)")
        .contains("outer_order_no  FC1");
    List<String> rows = lines.subList(lines.size() - 3, lines.size());
    assertThat(rows.get(0)).startsWith("1 ").contains("REQUEST_RECEIVED");
    assertThat(rows.get(1))
        .startsWith("2 ")
        .containsPattern("RECEIVED +INITIALIZING +INITIALIZE_STARTED");
    assertThat(rows.get(2))
        .startsWith("3 ")
        .containsPattern("INITIALIZING +DEAD_LETTERED +DEAD_LETTERED");
    assertThat(lines.get(lines.size() - 4)).startsWith("#").contains("FROM").contains("DETAILS");
    assertThat(text).contains("outer_order_no=FC1").contains("reason=X");
  }

  @Test
  void dropsIdentityKeysAndMasksIdNumbersInDetails() {
    String details =
        TimelineView.details(
            Map.of(
                "cert_name", "张三",
                "cert_no", "11010519491231002X",
                "message", "bad 11010519491231002X"));

    assertThat(details).isEqualTo("message=bad 1101**********002X");
    assertThat(TimelineView.details(Map.of())).isNull();
  }

  private static Verification received() {
    return Fixtures.received("order-42");
  }

  @Test
  void jsonIsOneObjectWithTheTransitionsInOrderAndTheSameMasking() {
    Verification v = received().markInitializing("FC1").after();
    List<Transition> transitions =
        List.of(
            new Transition(
                1,
                v.id(),
                null,
                VerificationStatus.RECEIVED,
                "REQUEST_RECEIVED",
                "w@1",
                T0,
                Map.of()),
            new Transition(
                2,
                v.id(),
                VerificationStatus.RECEIVED,
                VerificationStatus.INITIALIZING,
                "INITIALIZE_STARTED",
                "w@1",
                T0.plusSeconds(1),
                Map.of("outer_order_no", "FC1", "cert_no", "x", "note", "id 11010519491231002X")));

    Map<String, Object> json = TimelineView.json(v, transitions);

    assertThat(json)
        .containsEntry("verification_id", v.id().toString())
        .containsEntry("status", "INITIALIZING")
        .containsEntry("outer_order_no", "FC1");
    assertThat(json.get("transitions")).asList().hasSize(2);
    @SuppressWarnings("unchecked") // the shape TimelineView.json builds
    Map<String, Object> second = ((List<Map<String, Object>>) json.get("transitions")).get(1);
    assertThat(second)
        .containsEntry("from", "RECEIVED")
        .containsEntry("to", "INITIALIZING")
        .containsEntry("cause", "INITIALIZE_STARTED");
    assertThat(second.get("details").toString())
        .contains("outer_order_no=FC1")
        .doesNotContain("cert_no")
        .doesNotContain("19491231");
  }
}
