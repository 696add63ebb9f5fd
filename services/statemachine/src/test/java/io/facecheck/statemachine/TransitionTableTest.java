package io.facecheck.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.result.ResultType;
import io.facecheck.statemachine.testing.Fixtures;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every move of the table through the named methods: the allowed ones work, all others refused. */
class TransitionTableTest {

  private static final Instant NOW = Fixtures.T0.plusSeconds(300);

  static Stream<Arguments> allowed() {
    return pairs(true);
  }

  static Stream<Arguments> forbidden() {
    return pairs(false);
  }

  private static Stream<Arguments> pairs(boolean allowed) {
    return Arrays.stream(VerificationStatus.values())
        .flatMap(
            from ->
                Arrays.stream(VerificationStatus.values())
                    .filter(to -> from.canMoveTo(to) == allowed)
                    .map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("allowed")
  void namedMethodPerformsEveryAllowedMove(VerificationStatus from, VerificationStatus to) {
    Verification v =
        from == VerificationStatus.DEAD_LETTERED ? deadLetteredFrom(to) : Fixtures.in(from);

    StatusChange change = move(v, to);

    assertThat(change.from()).isEqualTo(from);
    assertThat(change.to()).isEqualTo(to);
    assertThat(change.expectedVersion()).isEqualTo(v.version());
    assertThat(change.after().version()).isEqualTo(v.version() + 1);
    assertThat(change.resultEvent()).isEqualTo(VerificationStatus.resultEventOf(from, to));
    assertThat(change.after().nextQueryAt() == null)
        .isEqualTo(to != VerificationStatus.AWAITING_USER);
  }

  @ParameterizedTest(name = "{0} ↛ {1}")
  @MethodSource("forbidden")
  void namedMethodRefusesEveryForbiddenMove(VerificationStatus from, VerificationStatus to) {
    Verification v = Fixtures.in(from);

    assertThatThrownBy(() -> move(v, to))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining(from.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("finals")
  void finalStatusesAllowNothing(VerificationStatus status) {
    assertThat(status.allowedNext()).isEmpty();
    assertThat(status.isFinal()).isTrue();
  }

  static Stream<VerificationStatus> finals() {
    return Stream.of(
        VerificationStatus.PASSED,
        VerificationStatus.FAILED,
        VerificationStatus.EXPIRED,
        VerificationStatus.REJECTED);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("allowed")
  void onlyEnteringACallerVisibleStatusPublishes(VerificationStatus from, VerificationStatus to) {
    ResultType expected =
        from == VerificationStatus.DEAD_LETTERED
            ? null
            : switch (to) {
              case AWAITING_USER -> ResultType.CERTIFY_URL_ISSUED;
              case PASSED -> ResultType.PASSED;
              case FAILED -> ResultType.FAILED;
              case EXPIRED -> ResultType.EXPIRED;
              case REJECTED -> ResultType.REJECTED;
              default -> null;
            };
    assertThat(VerificationStatus.resultEventOf(from, to).orElse(null)).isEqualTo(expected);
  }

  private static Verification deadLetteredFrom(VerificationStatus left) {
    return Fixtures.in(left).markDeadLettered("PROVIDER_CONFIG").after();
  }

  /** The named method whose purpose is reaching {@code to}. */
  private static StatusChange move(Verification v, VerificationStatus to) {
    return switch (to) {
      case RECEIVED -> v.resumeFromDeadLetter(NOW);
      case INITIALIZING ->
          v.status() == VerificationStatus.DEAD_LETTERED
              ? v.resumeFromDeadLetter(NOW)
              : v.markInitializing("FC0002");
      case AWAITING_USER ->
          v.status() == VerificationStatus.DEAD_LETTERED
              ? v.resumeFromDeadLetter(NOW)
              : v.markAwaitingUser("cid-2", "https://alipay.example/c", NOW);
      case PASSED -> v.markPassed();
      case FAILED -> v.markFailed("mismatch");
      case EXPIRED -> v.markExpired();
      case REJECTED -> v.markRejected("INVALID", null, "no");
      case DEAD_LETTERED -> v.markDeadLettered("RETRIES_EXHAUSTED");
    };
  }
}
