package io.facecheck.worker.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.callback.CallbackToken;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReturnUrlsTest {

  private final CallbackToken tokens = new CallbackToken("a-callback-secret-of-at-least-32-bytes");

  @Test
  void pointsAtTheCallbackEndpointWithATokenNamingTheVerification() {
    UUID id = UUID.randomUUID();
    Instant notAfter = Instant.parse("2026-11-26T10:15:00Z");
    String url =
        new ReturnUrls("http://localhost:8080/v1/callbacks/alipay/return", tokens)
            .forVerification(id, notAfter, "https://loan.example/kyc/done");

    assertThat(url).startsWith("http://localhost:8080/v1/callbacks/alipay/return?token=");
    String token = URI.create(url).getQuery().substring("token=".length());
    assertThat(tokens.verify(token, notAfter.minusSeconds(1)))
        .isEqualTo(new CallbackToken.Valid(id, notAfter, "https://loan.example/kyc/done"));
    assertThat(tokens.verify(token, notAfter.plusSeconds(1)))
        .isEqualTo(new CallbackToken.Refused(CallbackToken.Refusal.EXPIRED));
  }

  @Test
  void appendsToABaseUrlThatAlreadyHasAQuery() {
    String url =
        new ReturnUrls("https://cb.example/return?tenant=a", tokens)
            .forVerification(UUID.randomUUID(), Instant.now(), "https://loan.example/done");
    assertThat(url).startsWith("https://cb.example/return?tenant=a&token=");
  }
}
