package io.facecheck.intake.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.secrets.SharedSecrets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** An unkeyed hash over a request could confirm a guessed ID number: no key, no intake. */
class RequestHashKeyTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = "short-key")
  void refusesToStartWithoutARequestHashKey(String key) {
    assertThatThrownBy(() -> new IntakeConfiguration().requestParser(new SharedSecrets(null, key)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("facecheck.request-hash.key");
  }
}
