package io.facecheck.deploymentchecks.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.Kustomize;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/** The return URL the worker hands Alipay is the one the Ingress serves, over TLS. */
class IngressTest {

  static final List<String> OVERLAYS = Kustomize.OVERLAYS;

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void theCallbackBaseUrlIsServedByTheIngressOverTls(String overlay) {
    List<JsonNode> objects = Kustomize.render(overlay);
    URI callback =
        URI.create(
            Kustomize.named(objects, "ConfigMap", "facecheck-config")
                .at("/data/FACECHECK_CALLBACK_BASEURL")
                .asString());
    JsonNode ingress = Kustomize.named(objects, "Ingress", "facecheck-intake");

    assertThat(callback.getScheme()).isEqualTo("https");
    assertThat(ingress.at("/spec/rules/0/host").asString()).isEqualTo(callback.getHost());
    assertThat(ingress.at("/spec/tls/0/hosts/0").asString()).isEqualTo(callback.getHost());
    assertThat(callback.getPath())
        .startsWith(ingress.at("/spec/rules/0/http/paths/0/path").asString());
    assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asString())
        .isEqualTo("facecheck-intake");
  }
}
