package io.facecheck.deploymentchecks.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.OtlpExport;
import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.deploymentchecks.support.Yaml;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;

/**
 * The tracing half of the {@code observability} profile: the services' OTLP endpoint is the
 * collector's receiver, the collector's pipeline names only components it defines and exports to
 * the trace viewer's OTLP port, the viewer's UI is published, and nothing is exported unless asked.
 */
class ComposeTracingTest {

  private static final JsonNode SERVICES = ComposeFile.load().path("services");
  private static final String CONFIG = "observability/otel-collector/config.yaml";
  private static final JsonNode COLLECTOR = collectorConfig();
  private static final List<String> APPLICATIONS = List.of("intake", "worker", "reconciler");
  private static final String ENDPOINT = "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT";
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z_]+):-([^}]*)}");

  @Test
  void theCollectorAndTheViewerRunOnlyInTheObservabilityProfile() {
    for (String name : List.of("otel-collector", "jaeger")) {
      assertThat(SERVICES.path(name).path("profiles").toString())
          .as(name)
          .isEqualTo("[\"observability\"]");
    }
    assertThat(SERVICES.path("otel-collector").path("volumes").toString())
        .contains("./" + CONFIG + ":/etc/otelcol-contrib/config.yaml:ro");
  }

  @Test
  void everyComponentAPipelineNamesIsDefinedAndEveryDefinedOneIsUsed() {
    assertThat(pipelineProblems(COLLECTOR)).isEmpty();
  }

  @Test
  void aPipelineNamingAnUndefinedExporterIsCaught() {
    JsonNode broken =
        Yaml.one(
            """
            receivers: {otlp: {protocols: {http: {}}}}
            exporters: {otlp/jaeger: {endpoint: "jaeger:4317"}, debug: {}}
            service:
              pipelines:
                traces: {receivers: [otlp], exporters: [otlp/jeager]}
            """);

    assertThat(pipelineProblems(broken))
        .containsExactlyInAnyOrder(
            "traces names exporters otlp/jeager, which is not defined",
            "exporters otlp/jaeger is defined but no pipeline uses it",
            "exporters debug is defined but no pipeline uses it");
  }

  @Test
  void everyServiceSendsItsSpansToTheCollectorsOtlpHttpReceiver() {
    JsonNode http = COLLECTOR.at("/receivers/otlp/protocols/http");
    String listen = http.path("endpoint").asString();
    // 0.0.0.0: a receiver on localhost (the collector's default since 0.104) is unreachable
    assertThat(listen).startsWith("0.0.0.0:");
    int port = Integer.parseInt(listen.substring(listen.indexOf(':') + 1));
    for (String application : APPLICATIONS) {
      URI endpoint =
          URI.create(SERVICES.path(application).path("environment").path(ENDPOINT).asString());
      assertThat(endpoint.getHost()).as(application).isEqualTo("otel-collector");
      assertThat(SERVICES.has(endpoint.getHost())).isTrue();
      assertThat(endpoint.getPort()).as(application).isEqualTo(port);
      assertThat(endpoint.getPath()).as(application).isEqualTo("/v1/traces");
    }
  }

  @Test
  void theCollectorExportsToTheViewersOtlpGrpcPortAndTheViewerPublishesItsUi() {
    List<String> exporters = new ArrayList<>();
    COLLECTOR.at("/service/pipelines/traces/exporters").forEach(e -> exporters.add(e.asString()));
    assertThat(exporters).containsExactly("otlp/jaeger");
    String endpoint = COLLECTOR.at("/exporters/otlp~1jaeger/endpoint").asString();
    // `otlp` is the gRPC exporter; Jaeger v2 all-in-one receives OTLP/gRPC on 4317
    assertThat(endpoint).isEqualTo("jaeger:4317");
    assertThat(SERVICES.path("jaeger").path("image").asString())
        .startsWith("jaegertracing/jaeger:2.");
    assertThat(SERVICES.at("/otel-collector/depends_on/jaeger/condition").asString())
        .isEqualTo("service_healthy");
    assertThat(SERVICES.path("jaeger").path("ports").toString()).contains(":16686:16686\"");
  }

  @Test
  void theCollectorsHealthCheckAsksItsHealthExtension() {
    String extension = COLLECTOR.at("/extensions/health_check/endpoint").asString();
    String port = extension.substring(extension.indexOf(':') + 1);
    assertThat(SERVICES.at("/otel-collector/healthcheck/test").toString())
        .contains("wget")
        .contains("127.0.0.1:" + port + "/");
    assertThat(SERVICES.at("/otel-collector/build/context").asString())
        .isEqualTo("./observability/otel-collector");
  }

  @Test
  void withoutFacecheckTraceExportNoServiceExportsASpan() {
    for (String application : APPLICATIONS) {
      contextOf(application, Map.of())
          .run(context -> assertThat(context).doesNotHaveBean(OtlpHttpSpanExporter.class));
    }
  }

  @Test
  void withFacecheckTraceExportEveryServiceExportsToTheCollector() {
    for (String application : APPLICATIONS) {
      contextOf(application, Map.of("FACECHECK_TRACE_EXPORT", "true"))
          .run(
              context -> {
                assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
                assertThat(
                        context.getBean(OtlpTracingConnectionDetails.class).getUrl(Transport.HTTP))
                    .isEqualTo("http://otel-collector:4318/v1/traces");
              });
    }
  }

  @Test
  void anEmptyEndpointWouldStopTheServiceAtStartWhichIsWhyExportIsSwitchedInstead() {
    OtlpExport.withEnvironment(Map.of(ENDPOINT, ""))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("Invalid endpoint"));
  }

  /** Spring Boot's OTLP auto-configuration with the service's compose environment. */
  private static ApplicationContextRunner contextOf(String service, Map<String, String> dotEnv) {
    Map<String, Object> environment = new HashMap<>();
    SERVICES
        .path(service)
        .path("environment")
        .properties()
        .forEach(e -> environment.put(e.getKey(), interpolated(e.getValue().asString(), dotEnv)));
    return OtlpExport.withEnvironment(environment);
  }

  /** Compose's {@code ${VAR:-default}}, with .env holding {@code dotEnv}. */
  private static String interpolated(String value, Map<String, String> dotEnv) {
    Matcher matcher = DEFAULTED.matcher(value);
    return matcher.replaceAll(
        m -> Matcher.quoteReplacement(dotEnv.getOrDefault(m.group(1), m.group(2))));
  }

  /** The collector's own wiring rules: a pipeline's components exist; a defined one is used. */
  static List<String> pipelineProblems(JsonNode config) {
    List<String> problems = new ArrayList<>();
    for (String kind : List.of("receivers", "processors", "exporters")) {
      Set<String> used = new LinkedHashSet<>();
      for (Map.Entry<String, JsonNode> pipeline : config.at("/service/pipelines").properties()) {
        for (JsonNode component : pipeline.getValue().path(kind)) {
          used.add(component.asString());
          if (!config.path(kind).has(component.asString())) {
            problems.add(
                pipeline.getKey()
                    + " names "
                    + kind
                    + " "
                    + component.asString()
                    + ", which is not defined");
          }
        }
      }
      for (String defined : config.path(kind).propertyNames()) {
        if (!used.contains(defined)) {
          problems.add(kind + " " + defined + " is defined but no pipeline uses it");
        }
      }
    }
    for (JsonNode extension : config.at("/service/extensions")) {
      if (!config.path("extensions").has(extension.asString())) {
        problems.add("service names extension " + extension.asString() + ", which is not defined");
      }
    }
    return problems;
  }

  private static JsonNode collectorConfig() {
    try {
      return Yaml.one(Files.readString(RepositoryRoot.resolve(CONFIG)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
