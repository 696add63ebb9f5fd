package io.facecheck.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.identity.ResidentIdNumber;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeIdentitiesTest {

  @Test
  void everyNumberPassesTheResidentIdCheck() {
    FakeIdentities people = new FakeIdentities(1);
    for (int i = 0; i < 5_000; i++) {
      assertThat(ResidentIdNumber.check(people.next().certNo()))
          .isEqualTo(ResidentIdNumber.Verdict.VALID);
    }
  }

  @Test
  void theSameSeedGivesTheSamePeople() {
    assertThat(draw(42, 50)).isEqualTo(draw(42, 50)).isNotEqualTo(draw(43, 50));
  }

  @Test
  void neverShowsThePiiInToString() {
    FakeIdentity person = new FakeIdentities(7).next();
    assertThat(person.toString()).doesNotContain(person.certNo()).doesNotContain(person.certName());
  }

  private static List<FakeIdentity> draw(long seed, int count) {
    FakeIdentities people = new FakeIdentities(seed);
    List<FakeIdentity> drawn = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      drawn.add(people.next());
    }
    return drawn;
  }
}
