package io.facecheck.intake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.intake.auth.AuthenticatedClient;
import io.facecheck.intake.auth.ClientTokens;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientTokensFactoryTest {

  private static IntakeProperties clients(Map<String, IntakeProperties.Client> clients) {
    return new IntakeProperties(clients, Duration.ofSeconds(10), 1000, Duration.ofSeconds(2));
  }

  @Test
  void acceptsPlainTokensAndTheirSha256() {
    String digest = HexFormat.of().formatHex(ClientTokens.sha256("shop-token-0123456789"));
    ClientTokens tokens =
        ClientTokensFactory.from(
            clients(
                Map.of(
                    "loan-service", new IntakeProperties.Client("loan-token-0123456789", null),
                    "shop-service", new IntakeProperties.Client(null, digest))));

    assertThat(tokens.authenticate("loan-token-0123456789"))
        .contains(new AuthenticatedClient("loan-service"));
    assertThat(tokens.authenticate("shop-token-0123456789"))
        .contains(new AuthenticatedClient("shop-service"));
    assertThat(tokens.authenticate(digest)).isEmpty();
  }

  @Test
  void refusesShortTokensWithoutEchoingThem() {
    assertThatThrownBy(
            () ->
                ClientTokensFactory.from(
                    clients(Map.of("loan-service", new IntakeProperties.Client("short1", null)))))
        .hasMessageContaining("facecheck.intake.clients.loan-service.token")
        .hasMessageNotContaining("short1");
  }

  @Test
  void refusesAClientWithNeitherOrBothForms() {
    assertThatThrownBy(
            () ->
                ClientTokensFactory.from(
                    clients(Map.of("loan-service", new IntakeProperties.Client(null, null)))))
        .hasMessageContaining("exactly one of token or token-sha256");
    assertThatThrownBy(
            () ->
                ClientTokensFactory.from(
                    clients(
                        Map.of(
                            "loan-service",
                            new IntakeProperties.Client("loan-token-0123456789", "ab")))))
        .hasMessageContaining("exactly one of token or token-sha256");
  }

  @Test
  void refusesADigestThatIsNotSha256Hex() {
    assertThatThrownBy(
            () ->
                ClientTokensFactory.from(
                    clients(Map.of("loan-service", new IntakeProperties.Client(null, "xyz")))))
        .hasMessageContaining("64 hex characters");
  }
}
