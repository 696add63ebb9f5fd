package io.facecheck.intake.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonBodyTypeTest {

  @Test
  void acceptsJsonInUtf8() {
    assertThat(JsonBodyType.refusal("application/json", null)).isNull();
    assertThat(JsonBodyType.refusal("application/json; charset=utf-8", null)).isNull();
    assertThat(JsonBodyType.refusal("Application/JSON;charset=UTF-8", "identity")).isNull();
  }

  @Test
  void refusesEverythingElseSayingWhy() {
    assertThat(JsonBodyType.refusal(null, null)).contains("required");
    assertThat(JsonBodyType.refusal("text/plain", null)).contains("application/json");
    assertThat(JsonBodyType.refusal("application/x-www-form-urlencoded", null)).isNotNull();
    assertThat(JsonBodyType.refusal("application/json; charset=UTF-16", null)).contains("UTF-8");
    assertThat(JsonBodyType.refusal("application/json; charset=bogus", null)).isNotNull();
    assertThat(JsonBodyType.refusal("garbage/;;", null)).isNotNull();
    assertThat(JsonBodyType.refusal("application/json", "gzip")).contains("compressed");
  }
}
