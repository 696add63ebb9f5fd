package io.facecheck.deploymentchecks.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.RepositoryRoot;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The wiring docker-compose.yml must keep: health checks and start order, one-shot inits, Kafka's
 * log on its volume, least-privilege database users, secrets per service and none in the file, the
 * certify page reachable from the host, ops runnable.
 */
class ComposeWiringTest {

  private static final JsonNode SERVICES = ComposeFile.load().path("services");
  private static final Set<String> ONE_SHOTS = Set.of("secrets-init", "topics-init", "migrate");
  private static final Set<String> APPLICATIONS = Set.of("worker", "reconciler", "intake");

  @Test
  void everyLongRunningServiceHasAHealthCheckAndOneShotsRunOnce() {
    for (Map.Entry<String, JsonNode> service : SERVICES.properties()) {
      String name = service.getKey();
      JsonNode definition = service.getValue();
      // tools (ops) run on demand and once; the observability profile's services run on
      if (ONE_SHOTS.contains(name) || definition.path("profiles").toString().contains("tools")) {
        assertThat(definition.path("restart").asString()).as(name).isEqualTo("no");
      } else {
        assertThat(definition.path("healthcheck").path("test").isEmpty())
            .as(name + " healthcheck")
            .isFalse();
      }
    }
  }

  @Test
  void everyDependencyWaitsForHealthOrCompletion() {
    for (Map.Entry<String, JsonNode> service : SERVICES.properties()) {
      JsonNode dependsOn = service.getValue().path("depends_on");
      assertThat(dependsOn.isArray())
          .as(service.getKey() + ": depends_on needs conditions")
          .isFalse();
      for (Map.Entry<String, JsonNode> dependency : dependsOn.properties()) {
        String expected =
            ONE_SHOTS.contains(dependency.getKey())
                ? "service_completed_successfully"
                : "service_healthy";
        assertThat(dependency.getValue().path("condition").asString())
            .as(service.getKey() + " -> " + dependency.getKey())
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void everyOneShotIsAwaitedByALongRunningServiceSoUpWaitExitsZero() {
    // `docker compose up --wait` treats an exited container as a failure unless a running service
    // depends on it with service_completed_successfully (docker/compose#10596)
    for (String oneShot : ONE_SHOTS) {
      boolean adopted = false;
      for (Map.Entry<String, JsonNode> service : SERVICES.properties()) {
        boolean longRunning =
            !ONE_SHOTS.contains(service.getKey()) && !service.getValue().has("profiles");
        adopted |=
            longRunning
                && "service_completed_successfully"
                    .equals(
                        service
                            .getValue()
                            .at("/depends_on/" + oneShot + "/condition")
                            .asString(""));
      }
      assertThat(adopted).as(oneShot).isTrue();
    }
  }

  @Test
  void applicationsStartOnlyAfterSecretsTopicsAndTheMigration() {
    for (String application : APPLICATIONS) {
      JsonNode dependsOn = SERVICES.path(application).path("depends_on");
      assertThat(
              dependsOn.has("secrets-init")
                  && dependsOn.has("topics-init")
                  && dependsOn.has("migrate"))
          .as(application)
          .isTrue();
    }
  }

  @Test
  void theMigrationRunsAsTheOwnerAndTheServicesAsTheRowsOnlyUser() {
    assertThat(SERVICES.at("/migrate/environment/FLYWAY_USER").asString())
        .isEqualTo("facecheck_owner");
    for (String application : APPLICATIONS) {
      JsonNode environment = SERVICES.path(application).path("environment");
      assertThat(environment.path("SPRING_DATASOURCE_USERNAME").asString())
          .as(application)
          .isEqualTo("facecheck_app");
      assertThat(environment.path("SPRING_FLYWAY_ENABLED").asString())
          .as(application)
          .isEqualTo("false");
    }
  }

  @Test
  void kafkaWritesItsLogWhereItsVolumeIsAndCreatesNoTopicByItself() {
    JsonNode kafka = SERVICES.path("kafka");
    String logDirs = kafka.at("/environment/KAFKA_LOG_DIRS").asString();
    List<String> mounts = new ArrayList<>();
    kafka.path("volumes").forEach(v -> mounts.add(v.asString().split(":")[1]));

    assertThat(mounts).contains(logDirs);
    assertThat(kafka.at("/environment/KAFKA_AUTO_CREATE_TOPICS_ENABLE").asString())
        .isEqualTo("false");
    assertThat(SERVICES.at("/topics-init/command").toString()).contains("topics");
  }

  /**
   * Topics come from deploy/topics.yaml through topics-init: a service that created a missing one
   * would give it the broker's default retention (a dead letter gone after 7 days).
   */
  @Test
  void theServicesCreateNoTopicsOfTheirOwn() {
    assertThat(SERVICES.at("/worker/environment/FACECHECK_WORKER_CREATEMISSINGTOPICS").asString())
        .isEqualTo("false");
    assertThat(
            SERVICES
                .at("/reconciler/environment/FACECHECK_RECONCILER_CREATEMISSINGTOPICS")
                .asString())
        .isEqualTo("false");
  }

  @Test
  void eachServiceMountsOnlyItsOwnSecretsAndTheFileHoldsNone() throws Exception {
    for (String service :
        List.of(
            "worker", "reconciler", "intake", "ops", "postgres", "migrate", "alipay-simulator")) {
      List<String> subpaths = new ArrayList<>();
      SERVICES
          .path(service)
          .path("volumes")
          .forEach(
              v -> {
                if ("secrets".equals(v.path("source").asString())) {
                  subpaths.add(v.at("/volume/subpath").asString());
                }
              });
      String expected = service.equals("alipay-simulator") ? "simulator" : service;
      assertThat(subpaths).as(service).containsExactly(expected);
    }
    Pattern literalSecret =
        Pattern.compile(
            "(?m)^\\s+[A-Z_]*(PASSWORD|SECRET|PRIVATEKEY|PII_KEYS|TOKEN)(?!_FILE)[A-Z_]*:\\s*[^$\\s]");
    assertThat(literalSecret.matcher(ComposeFile.text()).find())
        .as("a secret written into docker-compose.yml")
        .isFalse();
    // nothing in .env is needed for a first run: every setting in the example is commented out
    assertThat(Files.readString(RepositoryRoot.resolve(".env.example")).lines())
        .filteredOn(line -> line.contains("="))
        .allMatch(line -> line.startsWith("#"));
  }

  @Test
  void theBrowserReachesTheCertifyPageAndTheReturnUrlOnLocalhostNames() {
    String gateway =
        SERVICES
            .at("/worker/environment/FACECHECK_WORKER_ALIPAY_APPS_DEFAULT_GATEWAYURL")
            .asString();
    String callback = SERVICES.at("/intake/environment/FACECHECK_CALLBACK_BASEURL").asString();

    assertThat(gateway).contains("alipay-simulator.localhost:8089");
    assertThat(SERVICES.at("/alipay-simulator/networks/default/aliases").toString())
        .contains("alipay-simulator.localhost");
    assertThat(callback).contains("intake.localhost:8080");
    assertThat(SERVICES.at("/intake/networks/default/aliases").toString())
        .contains("intake.localhost");
    assertThat(SERVICES.at("/alipay-simulator/ports/0").asString()).endsWith("8089:8089");
    assertThat(SERVICES.at("/intake/ports/0").asString()).endsWith("8080:8080");
  }

  @Test
  void opsRunsOnDemandWithTheDatabasePasswordFromItsSecret() {
    JsonNode ops = SERVICES.path("ops");

    assertThat(ops.path("profiles").toString()).contains("tools");
    assertThat(ops.path("entrypoint").toString()).contains("SPRING_DATASOURCE_PASSWORD");
    assertThat(ops.at("/environment/SPRING_KAFKA_BOOTSTRAP_SERVERS").asString())
        .isEqualTo("kafka:9092");
  }

  @Test
  void theImagesAreBuiltFromTheLayeredDockerfileWithJarsTheDockerignoreLetsThrough()
      throws Exception {
    String dockerignore = Files.readString(RepositoryRoot.resolve(".dockerignore"));
    for (String service : List.of("worker", "reconciler", "intake", "ops")) {
      JsonNode build = SERVICES.path(service).path("build");
      assertThat(build.path("dockerfile").asString()).isEqualTo("deploy/docker/Dockerfile");
      assertThat(dockerignore).contains("!" + build.at("/args/JAR").asString());
    }
  }
}
