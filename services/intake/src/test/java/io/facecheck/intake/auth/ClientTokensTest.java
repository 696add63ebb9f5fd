package io.facecheck.intake.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientTokensTest {

  private final ClientTokens tokens =
      ClientTokens.ofDigests(
          Map.of(
              "loan-service", ClientTokens.sha256("loan-token-0123456789"),
              "shop-service", ClientTokens.sha256("shop-token-0123456789")));

  @Test
  void namesTheClientATokenBelongsTo() {
    assertThat(tokens.authenticate("loan-token-0123456789"))
        .contains(new AuthenticatedClient("loan-service"));
    assertThat(tokens.authenticate("shop-token-0123456789"))
        .contains(new AuthenticatedClient("shop-service"));
  }

  @Test
  void refusesUnknownEmptyAndNearMissTokens() {
    assertThat(tokens.authenticate("loan-token-012345678")).isEmpty();
    assertThat(tokens.authenticate("loan-token-0123456789 ")).isEmpty();
    assertThat(tokens.authenticate("LOAN-TOKEN-0123456789")).isEmpty();
    assertThat(tokens.authenticate("")).isEmpty();
    assertThat(tokens.authenticate(null)).isEmpty();
  }

  @Test
  void refusesTwoClientsSharingAToken() {
    Map<String, byte[]> shared = new LinkedHashMap<>();
    shared.put("a", ClientTokens.sha256("same-token-0123456789"));
    shared.put("b", ClientTokens.sha256("same-token-0123456789"));

    assertThatThrownBy(() -> ClientTokens.ofDigests(shared))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a and b share")
        .hasMessageNotContaining("same-token");
  }
}
