package io.facecheck.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** An unkeyed hash over a request could confirm a guessed ID number: no key, no worker. */
class RequestHashKeyTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = "short-key")
  void refusesToStartWithoutARequestHashKey(String key) {
    SharedSecretsProperties shared =
        new SharedSecretsProperties(null, new SharedSecretsProperties.RequestHash(key), null);

    assertThatThrownBy(() -> new WorkerConfiguration().requestParser(shared))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("facecheck.request-hash.key");
  }

  @Test
  void hashesWithTheKeyItIsGiven() {
    SharedSecretsProperties shared =
        new SharedSecretsProperties(
            null,
            new SharedSecretsProperties.RequestHash("a-request-hash-key-of-enough-length"),
            null);

    assertThat(new WorkerConfiguration().requestParser(shared).rawHash(new byte[] {1}))
        .hasSize(64)
        .isNotEqualTo("4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a");
  }
}
