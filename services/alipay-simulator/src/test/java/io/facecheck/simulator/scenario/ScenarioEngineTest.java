package io.facecheck.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioEngineTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void drawsRepeatForTheSameSeedAndDifferForAnother() {
    Scenario scenario =
        Scenario.none().withSeed(9).withFaults("*", MethodFaults.of(Fault.SYSTEM_ERROR, 0.3));
    assertThat(plans(scenario, 200)).isEqualTo(plans(scenario, 200));
    assertThat(plans(scenario, 200)).isNotEqualTo(plans(scenario.withSeed(10), 200));
  }

  @Test
  void faultRangesArePickedInOrder() {
    MethodFaults faults = new MethodFaults(0.1, 0.1, 0.1, 0.1);
    assertThat(faults.pick(0.05)).isEqualTo(Fault.SYSTEM_ERROR);
    assertThat(faults.pick(0.15)).isEqualTo(Fault.TIMEOUT);
    assertThat(faults.pick(0.25)).isEqualTo(Fault.HTTP_502);
    assertThat(faults.pick(0.35)).isEqualTo(Fault.BAD_SIGNATURE);
    assertThat(faults.pick(0.45)).isNull();
    assertThatThrownBy(() -> new MethodFaults(0.6, 0.6, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void errorAnswerIsPickedAfterTheOtherFaultsAndCountsInTheSum() {
    ErrorAnswer permissions = ErrorAnswer.of(0.1, "40006", "isv.insufficient-isv-permissions");
    MethodFaults faults = new MethodFaults(0.1, 0.1, 0.1, 0.1).withErrorAnswer(permissions);
    assertThat(faults.pick(0.35)).isEqualTo(Fault.BAD_SIGNATURE);
    assertThat(faults.pick(0.45)).isEqualTo(Fault.ERROR_ANSWER);
    assertThat(faults.pick(0.55)).isNull();
    assertThat(MethodFaults.of(permissions.withRate(1.0)).pick(0.999))
        .isEqualTo(Fault.ERROR_ANSWER);
    assertThatThrownBy(() -> new MethodFaults(0.5, 0, 0, 0, ErrorAnswer.of(0.6, "40006", "isv.x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum to at most 1");
    assertThatThrownBy(() -> MethodFaults.of(Fault.ERROR_ANSWER, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void errorAnswerNeedsFiveDigitsThatAreNotSuccessAndASubCode() {
    assertThatThrownBy(() -> ErrorAnswer.of(1, "4006", "isv.x"))
        .hasMessageContaining("code must be 5 digits");
    assertThatThrownBy(() -> ErrorAnswer.of(1, "4000a", "isv.x"))
        .hasMessageContaining("code must be 5 digits");
    assertThatThrownBy(() -> ErrorAnswer.of(1, null, "isv.x"))
        .hasMessageContaining("code must be 5 digits");
    assertThatThrownBy(() -> ErrorAnswer.of(1, "10000", "isv.x")).hasMessageContaining("success");
    assertThatThrownBy(() -> ErrorAnswer.of(1, "40006", " ")).hasMessageContaining("sub_code");
    assertThatThrownBy(() -> ErrorAnswer.of(1, "40006", null)).hasMessageContaining("sub_code");
    assertThatThrownBy(() -> ErrorAnswer.of(1.5, "40006", "isv.x")).hasMessageContaining("rate");
    assertThatThrownBy(() -> Outage.startingIn(0, 1000, Fault.ERROR_ANSWER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theErrorAnswerTravelsWithItsPlanOnly() {
    ErrorAnswer tokens = ErrorAnswer.of(0.5, "20001", "aop.invalid-auth-token");
    ScenarioEngine engine =
        new ScenarioEngine(
            CLOCK,
            Scenario.none().withSeed(3).withFaults(GatewayMethods.QUERY, MethodFaults.of(tokens)));
    int answered = 0;
    for (int i = 0; i < 200; i++) {
      CallPlan plan = engine.plan(GatewayMethods.QUERY);
      if (plan.fault() == Fault.ERROR_ANSWER) {
        assertThat(plan.errorAnswer()).isEqualTo(tokens);
        answered++;
      } else {
        assertThat(plan.errorAnswer()).isNull();
      }
    }
    // binomial(200, 0.5): 5 standard deviations is ~35
    assertThat(answered).isBetween(100 - 35, 100 + 35);
    assertThat(engine.plan(GatewayMethods.INITIALIZE)).isEqualTo(CallPlan.NORMAL);
  }

  @Test
  void unsignedErrorIsPickedLastCountsInTheSumAndTravelsWithItsPlanOnly() {
    UnsignedError forged = UnsignedError.of(0.1, "40004", "CERTIFY_ID_NOT_EXIST");
    MethodFaults faults =
        new MethodFaults(0.1, 0.1, 0.1, 0.1)
            .withErrorAnswer(ErrorAnswer.of(0.1, "40006", "isv.x"))
            .withUnsignedError(forged);
    assertThat(faults.pick(0.45)).isEqualTo(Fault.ERROR_ANSWER);
    assertThat(faults.pick(0.55)).isEqualTo(Fault.UNSIGNED_ERROR);
    assertThat(faults.pick(0.65)).isNull();
    assertThatThrownBy(() -> faults.withUnsignedError(forged.withRate(0.6)))
        .hasMessageContaining("sum to at most 1");
    assertThatThrownBy(() -> MethodFaults.of(Fault.UNSIGNED_ERROR, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Outage.startingIn(0, 1000, Fault.UNSIGNED_ERROR))
        .hasMessageContaining("unsigned_error");

    ScenarioEngine engine =
        new ScenarioEngine(
            CLOCK,
            Scenario.none()
                .withFaults(GatewayMethods.QUERY, MethodFaults.of(forged.withRate(1.0))));
    CallPlan plan = engine.plan(GatewayMethods.QUERY);
    assertThat(plan.fault()).isEqualTo(Fault.UNSIGNED_ERROR);
    assertThat(plan.unsignedError()).isEqualTo(forged.withRate(1.0));
    assertThat(plan.errorAnswer()).isNull();
    assertThat(engine.plan(GatewayMethods.INITIALIZE)).isEqualTo(CallPlan.NORMAL);
  }

  @Test
  void unsignedErrorNeedsFiveDigitsAndASubCodeAndDefaultsToNoSign() {
    assertThat(UnsignedError.of(1, "40004", "X").sign()).isEqualTo(UnsignedError.ForgedSign.ABSENT);
    // 10000 with a sub_code is still an error to the SDK, and a forger may send it
    assertThat(UnsignedError.of(1, "10000", "X").code()).isEqualTo("10000");
    assertThatThrownBy(() -> UnsignedError.of(1, "4004", "X"))
        .hasMessage("unsigned_error: code must be 5 digits, e.g. \"40006\", got \"4004\"");
    assertThatThrownBy(() -> UnsignedError.of(1, "40004", ""))
        .hasMessageContaining("unsigned_error: sub_code is required");
    assertThatThrownBy(() -> UnsignedError.of(-0.1, "40004", "X"))
        .hasMessageContaining("unsigned_error: rate");
  }

  @Test
  void timeoutHoldsForTheHangAndLatencyFollowsItsDistribution() {
    Scenario scenario =
        Scenario.none()
            .withLatency(Latency.uniform(10, 20))
            .withFaults(GatewayMethods.QUERY, MethodFaults.of(Fault.TIMEOUT, 1))
            .withTimeoutHangMs(-1);
    ScenarioEngine engine = new ScenarioEngine(CLOCK, scenario);
    assertThat(engine.plan(GatewayMethods.QUERY).delayMs()).isEqualTo(-1);
    for (int i = 0; i < 100; i++) {
      assertThat(engine.plan(GatewayMethods.INITIALIZE).delayMs()).isBetween(10L, 20L);
    }
    assertThat(Latency.exponential(5, 10, 50).sample(0.999999)).isEqualTo(50);
  }

  @Test
  void relativeOutageIsAnchoredWhenTheScenarioIsSet() {
    ScenarioEngine engine = new ScenarioEngine(CLOCK, Scenario.none());
    Scenario set = engine.set(Scenario.none().withOutage(Outage.startingIn(0, 1000, null)));
    assertThat(set.outages().get(0).start()).isEqualTo(CLOCK.instant());
    assertThat(engine.plan(GatewayMethods.QUERY)).isEqualTo(new CallPlan(Fault.HTTP_502, true, 0));
  }

  @Test
  void automaticUserAbandonsFirstThenPassesAmongThoseWhoFinish() {
    ScenarioEngine engine =
        new ScenarioEngine(CLOCK, Scenario.none().withAutoUser(UserBehaviour.after(100, 1.0, 0.5)));
    int abandoned = 0;
    for (int i = 0; i < 1000; i++) {
      UserChoice choice = engine.userChoice().orElseThrow();
      assertThat(choice.action()).isNotEqualTo(UserChoice.Action.FAIL);
      assertThat(choice.delayMs()).isEqualTo(100);
      abandoned += choice.action() == UserChoice.Action.ABANDON ? 1 : 0;
    }
    assertThat(abandoned).isBetween(420, 580);
    assertThat(new ScenarioEngine(CLOCK, Scenario.none()).userChoice()).isEmpty();
  }

  private static List<CallPlan> plans(Scenario scenario, int count) {
    ScenarioEngine engine = new ScenarioEngine(CLOCK, scenario);
    List<CallPlan> plans = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      plans.add(engine.plan(GatewayMethods.QUERY));
    }
    return plans;
  }
}
