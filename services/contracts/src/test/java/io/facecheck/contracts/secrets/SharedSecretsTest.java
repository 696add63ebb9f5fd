package io.facecheck.contracts.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SharedSecretsTest {

  private static final String SECRET = "a-callback-secret-of-32-bytes-or-more";
  private static final String KEY = "a-request-hash-key";

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = "short-key")
  void noRequestParserWithoutAKeyOfSixteenCharacters(String key) {
    assertThatThrownBy(() -> new SharedSecrets(SECRET, key).requestParser())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("facecheck.request-hash.key");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void noCallbackTokenWithoutTheSecret(String secret) {
    assertThatThrownBy(() -> new SharedSecrets(secret, KEY).callbackToken())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("facecheck.callback.secret");
  }

  @Test
  void twoServicesWithTheSameSecretsHashAndSignAlike() {
    SharedSecrets intake = new SharedSecrets(SECRET, KEY);
    SharedSecrets worker = new SharedSecrets(SECRET, KEY);
    UUID id = UUID.randomUUID();

    assertThat(intake.requestParser().rawHash(new byte[] {1, 2}))
        .isEqualTo(worker.requestParser().rawHash(new byte[] {1, 2}));
    String token = worker.callbackToken().issue(id, Instant.now().plusSeconds(60));
    assertThat(intake.callbackToken().verify(token, Instant.now()))
        .isInstanceOf(io.facecheck.contracts.callback.CallbackToken.Valid.class);
  }

  @Test
  void neverPrintsTheSecrets() {
    assertThat(new SharedSecrets(SECRET, KEY).toString()).doesNotContain(SECRET, KEY);
  }
}
