package io.facecheck.deploymentchecks.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.facecheck.deploymentchecks.support.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** docker-compose.yml validates against the Compose Specification's JSON schema. */
class ComposeSchemaTest {

  private static final Schema COMPOSE_SPEC =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));

  @Test
  void dockerComposeYmlFollowsTheComposeSpecification() {
    List<Error> errors = COMPOSE_SPEC.validate(ComposeFile.load());

    assertThat(errors).extracting(Error::toString).isEmpty();
  }

  @Test
  void theSchemaCatchesAMisspelledKeyAndAWrongCondition() {
    ObjectNode compose = (ObjectNode) ComposeFile.load();
    ObjectNode worker = (ObjectNode) compose.path("services").path("worker");
    worker.set("helthcheck", worker.path("healthcheck"));
    ((ObjectNode) worker.path("depends_on").path("migrate")).put("condition", "service_done");

    List<Error> errors = COMPOSE_SPEC.validate(compose);

    assertThat(errors)
        .extracting(Error::toString)
        .anyMatch(e -> e.contains("helthcheck"))
        .anyMatch(e -> e.contains("condition"));
  }

  @Test
  void yamlMergeKeysAreResolvedBeforeValidation() {
    JsonNode compose = Yaml.one(ComposeFile.text());

    assertThat(compose.path("services").path("worker").has("<<")).isFalse();
    assertThat(compose.at("/services/reconciler/environment/SPRING_FLYWAY_ENABLED").asString())
        .isEqualTo("false");
  }
}
