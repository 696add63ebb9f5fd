package io.facecheck.deploymentchecks.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.Kustomize;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL's connections at full scale: each service's pool size times its autoscaler's maximum
 * replicas, plus a reserve for the superuser, the migration Job and facecheck-ops, stays under the
 * cluster's max_connections; and each service's database role allows what its pods may open.
 */
class ConnectionBudgetTest {

  static final List<String> OVERLAYS = Kustomize.OVERLAYS;

  /** superuser_reserved_connections (3), Flyway (2), facecheck-ops (2), monitoring (3). */
  static final int RESERVE = 10;

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void poolsAtMaximumScaleFitUnderMaxConnections(String overlay) {
    List<JsonNode> objects = Kustomize.render(overlay);
    int maxConnections =
        Integer.parseInt(
            Kustomize.named(objects, "Cluster", "facecheck-db")
                .at("/spec/postgresql/parameters/max_connections")
                .asString());

    int atFullScale = 0;
    for (JsonNode deployment : Kinds.of(objects, "Deployment")) {
      atFullScale += pool(deployment) * maxReplicas(objects, deployment);
    }

    assertThat(atFullScale + RESERVE)
        .as("pool x max replicas of every service, plus %d reserved", RESERVE)
        .isLessThanOrEqualTo(maxConnections);
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void eachServicesRoleAllowsWhatItsPodsMayOpen(String overlay) {
    List<JsonNode> objects = Kustomize.render(overlay);
    JsonNode roles = Kustomize.named(objects, "Cluster", "facecheck-db").at("/spec/managed/roles");

    for (JsonNode deployment : Kinds.of(objects, "Deployment")) {
      String service =
          deployment.path("metadata").path("name").asString().substring("facecheck-".length());
      JsonNode role = null;
      for (JsonNode r : roles) {
        if (("facecheck_" + service).equals(r.path("name").asString())) {
          role = r;
        }
      }
      assertThat(role).as("managed role facecheck_%s", service).isNotNull();
      assertThat(role.path("passwordSecret").path("name").asString())
          .isEqualTo("facecheck-db-" + service);
      assertThat(role.path("connectionLimit").asInt())
          .as("connectionLimit of facecheck_%s", service)
          .isGreaterThanOrEqualTo(pool(deployment) * maxReplicas(objects, deployment));
    }
  }

  static int pool(JsonNode deployment) {
    String pool = Kinds.env(deployment, "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE");
    assertThat(pool).as("%s sets its pool size", Kinds.describe(deployment)).isNotNull();
    return Integer.parseInt(pool);
  }

  /** The most pods of a Deployment its ScaledObject or HorizontalPodAutoscaler may run. */
  static int maxReplicas(List<JsonNode> objects, JsonNode deployment) {
    String name = deployment.path("metadata").path("name").asString();
    for (JsonNode scaled : Kinds.of(objects, "ScaledObject")) {
      if (name.equals(scaled.at("/spec/scaleTargetRef/name").asString())) {
        return scaled.at("/spec/maxReplicaCount").asInt();
      }
    }
    for (JsonNode hpa : Kinds.of(objects, "HorizontalPodAutoscaler")) {
      if (name.equals(hpa.at("/spec/scaleTargetRef/name").asString())) {
        return hpa.at("/spec/maxReplicas").asInt();
      }
    }
    throw new AssertionError(Kinds.describe(deployment) + " has no autoscaler");
  }
}
