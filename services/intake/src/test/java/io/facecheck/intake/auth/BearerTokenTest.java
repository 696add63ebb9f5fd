package io.facecheck.intake.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

  @Test
  void readsTheTokenOfABearerHeaderWhateverTheSchemesCase() {
    assertThat(BearerToken.from("Bearer abc.def-123")).contains("abc.def-123");
    assertThat(BearerToken.from("bearer abc")).contains("abc");
    assertThat(BearerToken.from("BEARER  abc ")).contains("abc");
  }

  @Test
  void ignoresOtherSchemesAndEmptyTokens() {
    assertThat(BearerToken.from(null)).isEmpty();
    assertThat(BearerToken.from("")).isEmpty();
    assertThat(BearerToken.from("Bearer")).isEmpty();
    assertThat(BearerToken.from("Bearer   ")).isEmpty();
    assertThat(BearerToken.from("Basic dXNlcjpwYXNz")).isEmpty();
    assertThat(BearerToken.from("Bearerabc")).isEmpty();
  }
}
