package io.facecheck.deploymentchecks.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.Kustomize;
import io.facecheck.deploymentchecks.support.OtlpExport;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import tools.jackson.databind.JsonNode;

/**
 * Span export on Kubernetes: off as rendered (Spring Boot builds no exporter from the ConfigMap),
 * and once switched on it goes to the configured collector, on a port and into a namespace each
 * service's NetworkPolicy lets it reach.
 */
class TraceExportTest {

  static final List<String> OVERLAYS = Kustomize.OVERLAYS;

  private static final String ENABLED = "MANAGEMENT_TRACING_EXPORT_OTLP_ENABLED";
  private static final String ENDPOINT = "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT";

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void asRenderedNoServiceExportsASpan(String overlay) {
    List<JsonNode> objects = Kustomize.render(overlay);
    for (JsonNode deployment : Kinds.of(objects, "Deployment")) {
      OtlpExport.withEnvironment(configMapOf(deployment, objects))
          .run(context -> assertThat(context).doesNotHaveBean(OtlpHttpSpanExporter.class));
    }
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void switchedOnEveryServiceExportsToTheCollectorItsNetworkPolicyLetsItReach(String overlay) {
    List<JsonNode> objects = Kustomize.render(overlay);
    for (JsonNode deployment : Kinds.of(objects, "Deployment")) {
      Map<String, Object> environment = configMapOf(deployment, objects);
      environment.put(ENABLED, "true");
      String endpoint = String.valueOf(environment.get(ENDPOINT));

      OtlpExport.withEnvironment(environment)
          .run(
              context -> {
                assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
                assertThat(
                        context.getBean(OtlpTracingConnectionDetails.class).getUrl(Transport.HTTP))
                    .isEqualTo(endpoint);
              });
      assertThat(egressAllowed(deployment, objects, URI.create(endpoint)))
          .as(Kinds.describe(deployment) + " may reach " + endpoint)
          .isTrue();
    }
  }

  /** {@code <service>.<namespace>.svc[:port]}: may the pod's NetworkPolicies send there? */
  private static boolean egressAllowed(JsonNode deployment, List<JsonNode> objects, URI endpoint) {
    String[] host = endpoint.getHost().split("\\.");
    assertThat(host).as("a Service name with its namespace: " + endpoint).hasSizeGreaterThan(2);
    String namespace = host[1];
    JsonNode labels = deployment.at("/spec/template/metadata/labels");
    for (JsonNode policy : Kinds.of(objects, "NetworkPolicy")) {
      if (!Kinds.selects(policy.at("/spec/podSelector"), labels)) {
        continue;
      }
      for (JsonNode rule : policy.at("/spec/egress")) {
        boolean toNamespace = false;
        for (JsonNode peer : rule.path("to")) {
          toNamespace |=
              namespace.equals(
                  peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                      .asString(""));
        }
        for (JsonNode port : rule.path("ports")) {
          if (toNamespace && port.path("port").asInt() == endpoint.getPort()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Map<String, Object> configMapOf(JsonNode deployment, List<JsonNode> objects) {
    Map<String, Object> environment = new HashMap<>();
    for (JsonNode from : deployment.at("/spec/template/spec/containers/0/envFrom")) {
      if (from.has("configMapRef")) {
        Kustomize.named(objects, "ConfigMap", from.at("/configMapRef/name").asString())
            .path("data")
            .properties()
            .forEach(e -> environment.put(e.getKey(), e.getValue().asString()));
      }
    }
    assertThat(environment).as(Kinds.describe(deployment)).containsKeys(ENABLED, ENDPOINT);
    return environment;
  }
}
