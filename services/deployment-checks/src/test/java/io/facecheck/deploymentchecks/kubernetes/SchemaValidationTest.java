package io.facecheck.deploymentchecks.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.KubernetesSchemas;
import io.facecheck.deploymentchecks.support.Kustomize;
import io.facecheck.deploymentchecks.support.StrictFields;
import io.facecheck.deploymentchecks.support.Yaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/**
 * Every rendered object validates against the schema of its kind: the Kubernetes API's, or the
 * Strimzi, CloudNativePG, KEDA or Prometheus Operator CRD's.
 */
class SchemaValidationTest {

  static final List<String> OVERLAYS = Kustomize.OVERLAYS;

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyRenderedObjectMatchesTheSchemaOfItsKind(String overlay) {
    List<JsonNode> objects = Kustomize.render(overlay);

    List<JsonNode> results = KubernetesSchemas.validate(objects);

    assertThat(results).hasSameSizeAs(objects);
    assertThat(results)
        .filteredOn(r -> !r.path("errors").isEmpty())
        .as("objects that break their schema")
        .isEmpty();
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void noObjectOfTheKubernetesApiOrStrimziHasAFieldItsApiDoesNotKnow(String overlay) {
    List<JsonNode> core = Kustomize.render(overlay).stream().filter(StrictFields::covers).toList();

    assertThat(core).hasSizeGreaterThan(40);
    assertThat(core).flatMap(StrictFields::unknownFields).isEmpty();
  }

  @Test
  void aMisspelledFieldIsFound() {
    JsonNode deployment =
        Yaml.one(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              selector: {matchLabels: {a: b}}
              template:
                spec:
                  containers:
                    - name: c
                      image: x
                      securityContext: {readOnlyRootFileSystem: true}
            """);

    assertThat(StrictFields.unknownFields(deployment))
        .containsExactly(
            "Deployment d: unknown field .spec.template.spec.containers[0].securityContext"
                + ".readOnlyRootFileSystem");
  }

  @Test
  void aMisspelledFieldInAStrimziResourceIsFound() {
    JsonNode user =
        Yaml.one(
            """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaUser
            metadata: {name: u}
            spec:
              authentication: {type: scram-sha-512}
              authorization:
                type: simple
                acls:
                  - resource: {type: topic, name: t, patternTyp: prefix}
                    operations: [Read]
            """);

    assertThat(StrictFields.unknownFields(user))
        .containsExactly(
            "KafkaUser u: unknown field .spec.authorization.acls[0].resource.patternTyp");
  }

  @Test
  void theValidatorRejectsWrongTypesMissingFieldsAndUnknownKinds() {
    List<JsonNode> broken = new ArrayList<>();
    broken.add(
        Yaml.one(
            """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata: {name: t}
            spec: {partitions: six}
            """));
    broken.add(
        Yaml.one(
            """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: c}
            spec: {instances: 3, managed: {roles: [{login: true}]}}
            """));
    broken.add(
        Yaml.one(
            """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: s}
            spec: {triggers: []}
            """));
    broken.add(
        Yaml.one(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec: {selector: {}, template: {spec: {containers: [{image: x}]}}}
            """));
    broken.add(
        Yaml.one(
            """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata: {name: r}
            spec: {groups: [{rules: [{alert: A, expr: up == 0}]}]}
            """));
    broken.add(
        Yaml.one(
            """
            apiVersion: example.com/v1
            kind: Unknown
            metadata: {name: u}
            """));

    List<JsonNode> results = KubernetesSchemas.validate(broken);

    assertThat(results)
        .hasSize(broken.size())
        .allSatisfy(r -> assertThat(r.path("errors")).isNotEmpty());
  }
}
