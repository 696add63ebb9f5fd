package io.facecheck.deploymentchecks.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Unknown fields in objects of the Kubernetes API itself, which the JSON schemas let through (as
 * the API server does unless told to be strict): each object is read into the API's model classes
 * (fabric8, generated from the Kubernetes OpenAPI), which keep every field they do not know in
 * {@code additionalProperties}; any such field is reported with its path. Strimzi's resources
 * likewise, through Strimzi's own API model (io.strimzi:api, the classes its CRDs are generated
 * from). CloudNativePG's and KEDA's are not covered: neither publishes a Java model.
 */
public final class StrictFields {

  private static final ObjectMapper JACKSON2 = new ObjectMapper();

  private static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("batch/v1/Job", Job.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
          Map.entry(
              "kafka.strimzi.io/v1/KafkaNodePool",
              io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
          Map.entry(
              "kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
          Map.entry(
              "kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

  private static final int MAX_DEPTH = 40;

  private StrictFields() {}

  /** Whether {@code object} is of a kind this check covers. */
  public static boolean covers(JsonNode object) {
    return MODELS.containsKey(key(object));
  }

  /** Every unknown field of {@code object}, as "Kind name: path.field". */
  public static List<String> unknownFields(JsonNode object) {
    Class<?> model = MODELS.get(key(object));
    if (model == null) {
      throw new IllegalArgumentException("not a covered kind: " + key(object));
    }
    try {
      Object parsed = JACKSON2.readValue(Yaml.JSON.writeValueAsString(object), model);
      List<String> found = new ArrayList<>();
      String where = object.path("kind").asString() + " " + object.at("/metadata/name").asString();
      walk(parsed, "", where, found, 0);
      // one object may be reachable through two getters (a field and a deprecated alias)
      return found.stream().distinct().toList();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return List.of(key(object) + " does not read as the API's model: " + e.getOriginalMessage());
    }
  }

  private static String key(JsonNode object) {
    return object.path("apiVersion").asString() + "/" + object.path("kind").asString();
  }

  private static void walk(Object value, String path, String where, List<String> found, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", where, found, depth + 1);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, where, found, depth + 1));
      return;
    }
    if (value == null || !isModel(value.getClass().getName())) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getName().equals("getClass")) {
        continue;
      }
      Object child = invoke(getter, value);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra) {
          extra.keySet().forEach(k -> found.add(where + ": unknown field " + path + "." + k));
        }
        continue;
      }
      String name =
          Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
      walk(child, path + "." + name, where, found, depth + 1);
    }
  }

  private static boolean isModel(String className) {
    return className.startsWith("io.fabric8.kubernetes.api.model")
        || className.startsWith("io.strimzi.api.kafka.model");
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }
}
