package io.facecheck.ops.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.testing.Fixtures;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EraseJsonTest {

  @Test
  void saysWhatCameOfItWithTheIdsAndNoIdentity() {
    Verification v = Fixtures.received("order-42");

    Map<String, Object> json =
        EraseCommand.json(v, "erased", Instant.parse("2026-11-26T10:00:00Z"));

    assertThat(json)
        .containsEntry("outcome", "erased")
        .containsEntry("verification_id", v.id().toString())
        .containsEntry("client_id", v.clientId())
        .containsEntry("request_id", "order-42")
        .containsEntry("status", "RECEIVED")
        .containsEntry("erased_at", "2026-11-26T10:00:00Z");
    assertThat(json.toString()).doesNotContain(Fixtures.CERT_NAME).doesNotContain(Fixtures.CERT_NO);
    assertThat(EraseCommand.json(v, "nothing_sealed", null)).containsEntry("erased_at", null);
  }
}
