package io.facecheck.deploymentchecks.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import io.facecheck.deploymentchecks.support.Kustomize;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The environment each Deployment gets (its ConfigMap and its env entries, Secrets standing in as
 * placeholders) bound the way Spring Boot binds it in the pod: the Kafka clients come out with
 * SASL_SSL, SCRAM-SHA-512, the user's JAAS config and a truststore the pod mounts; the pool size,
 * the database user and Flyway being off reach their properties. No cluster needed to find a
 * misspelled variable name.
 */
class SpringBindingTest {

  static final List<String> OVERLAYS = Kustomize.OVERLAYS;

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void eachServicesEnvironmentBindsToTheIntendedKafkaAndDatabaseSettings(String overlay) {
    List<JsonNode> objects = Kustomize.render(overlay);
    for (JsonNode deployment : Kinds.of(objects, "Deployment")) {
      String name = deployment.path("metadata").path("name").asString();
      String service = name.substring("facecheck-".length());
      Binder binder = binder(environmentOf(deployment, objects));

      Map<String, Object> kafka =
          binder.bind("spring.kafka", KafkaProperties.class).get().buildConsumerProperties();
      assertThat(kafka)
          .as(name)
          .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
          .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
          .containsEntry(SaslConfigs.SASL_JAAS_CONFIG, "secret:" + name + "/sasl.jaas.config")
          .containsEntry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12")
          .containsEntry(
              SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG,
              "secret:facecheck-kafka-cluster-ca-cert/ca.password");
      String truststore = String.valueOf(kafka.get(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG));
      assertThat(truststore).as(name).isEqualTo(mountedFile(deployment, "kafka-ca"));
      assertThat(binder.bind("spring.kafka.admin.auto-create", Boolean.class).get()).isFalse();

      HikariConfig hikari =
          binder.bind("spring.datasource.hikari", Bindable.ofInstance(new HikariConfig())).get();
      assertThat(hikari.getMaximumPoolSize())
          .as(name)
          .isEqualTo(
              Integer.parseInt(Kinds.env(deployment, "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE")));
      assertThat(binder.bind("spring.datasource.username", String.class).get())
          .isEqualTo("secret:facecheck-db-" + service + "/username");
      assertThat(binder.bind("spring.datasource.url", String.class).get())
          .startsWith("jdbc:postgresql://facecheck-db-rw:5432/");
      assertThat(binder.bind("spring.flyway.enabled", Boolean.class).get()).isFalse();
      if (service.equals("worker") || service.equals("reconciler")) {
        // topics are KafkaTopic objects from deploy/topics.yaml, never a service's own
        assertThat(
                binder.bind("facecheck." + service + ".create-missing-topics", Boolean.class).get())
            .as(name)
            .isFalse();
      }
    }
  }

  /** ConfigMaps from envFrom, then env entries (which win, as in Kubernetes). */
  private static Map<String, Object> environmentOf(JsonNode deployment, List<JsonNode> objects) {
    Map<String, Object> environment = new HashMap<>();
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    for (JsonNode from : container.path("envFrom")) {
      if (from.has("configMapRef")) {
        JsonNode data =
            Kustomize.named(objects, "ConfigMap", from.at("/configMapRef/name").asString())
                .path("data");
        data.properties().forEach(e -> environment.put(e.getKey(), e.getValue().asString()));
      }
    }
    for (JsonNode variable : container.path("env")) {
      JsonNode secret = variable.at("/valueFrom/secretKeyRef");
      environment.put(
          variable.path("name").asString(),
          secret.isMissingNode()
              ? variable.path("value").asString()
              : "secret:" + secret.path("name").asString() + "/" + secret.path("key").asString());
    }
    return environment;
  }

  private static Binder binder(Map<String, Object> environment) {
    StandardEnvironment spring = new StandardEnvironment();
    spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    spring
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    ConfigurationPropertySources.attach(spring);
    return Binder.get(spring);
  }

  /** {@code <mountPath>/<item path>} of the secret volume {@code volume}: the file Kafka opens. */
  private static String mountedFile(JsonNode deployment, String volume) {
    JsonNode pod = deployment.at("/spec/template/spec");
    String mountPath = null;
    for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
      if (volume.equals(mount.path("name").asString())) {
        mountPath = mount.path("mountPath").asString();
      }
    }
    String item = null;
    for (JsonNode v : pod.path("volumes")) {
      if (volume.equals(v.path("name").asString())) {
        item = v.at("/secret/items/0/path").asString();
      }
    }
    return mountPath + "/" + item;
  }
}
