package io.facecheck.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathTest {

  @Test
  void turnsJsonPointersIntoDottedPaths() {
    assertThat(FieldPath.fromPointer("/identity/cert_no")).isEqualTo("identity.cert_no");
    assertThat(FieldPath.fromPointer("/return_url")).isEqualTo("return_url");
    assertThat(FieldPath.fromPointer("/metadata/a~1b~0c")).isEqualTo("metadata.a/b~c");
    assertThat(FieldPath.fromPointer("")).isEmpty();
    assertThat(FieldPath.fromPointer("identity.cert_no")).isEqualTo("identity.cert_no");
  }
}
