package io.facecheck.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.PiiKeyRing;
import io.facecheck.statemachine.testing.Fixtures;
import io.facecheck.statemachine.testing.InMemoryVerificationStore;
import io.facecheck.testinfra.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListeningVerificationStoreTest {

  private record Heard(VerificationStatus from, VerificationStatus to) {}

  private static final PiiCipher CIPHER =
      new PiiCipher(
          PiiKeyRing.of("k1", Map.of("k1", "0123456789abcdef0123456789abcdef".getBytes())));

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final List<Heard> heard = new ArrayList<>();
  private final ListeningVerificationStore store =
      new ListeningVerificationStore(
          new InMemoryVerificationStore(clock),
          (from, after) -> heard.add(new Heard(from, after.status())));

  private NewVerification sealed(String requestId) {
    return NewVerification.seal(Fixtures.request(requestId), Fixtures.HASH, CIPHER, clock);
  }

  @Test
  void createThenIsHeardAsTheTwoStatusChangesItWrites() {
    store.createThen(sealed("l-1"), r -> r.markInitializing("FCL1"), "worker");

    assertThat(heard)
        .extracting(Heard::from, Heard::to)
        .containsExactly(
            tuple(null, VerificationStatus.RECEIVED),
            tuple(VerificationStatus.RECEIVED, VerificationStatus.INITIALIZING));
  }

  @Test
  void createThenOnAKnownKeyIsNotHeard() {
    store.create(sealed("l-2"), "worker");
    heard.clear();

    store.createThen(sealed("l-2"), r -> r.markInitializing("FCL2"), "worker");

    assertThat(heard).isEmpty();
  }
}
