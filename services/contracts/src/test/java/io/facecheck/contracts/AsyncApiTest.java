package io.facecheck.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.schema.PayloadSchema;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** schemas/asyncapi.yaml and the Java constants describe the same topics and headers. */
class AsyncApiTest {

  private static final JsonNode ASYNCAPI =
      YAMLMapper.builder().build().readTree(Examples.SCHEMAS.resolve("asyncapi.yaml").toFile());

  @Test
  void isAnAsyncApi3Document() {
    assertThat(ASYNCAPI.get("asyncapi").asString()).startsWith("3.");
  }

  @Test
  void everyTopicConstantIsAChannel() {
    Set<String> addresses = channelAddresses();
    for (String topic : constants(Topics.class)) {
      if (topic.endsWith("-retry-")) {
        assertThat(addresses).anyMatch(a -> a.startsWith(topic + "{"));
      } else if (topic.startsWith("verification-")) {
        assertThat(addresses).contains(topic);
      }
    }
  }

  @Test
  void everyChannelIsATopicConstant() {
    List<String> topics = constants(Topics.class);
    for (String address : channelAddresses()) {
      String name = address.contains("{") ? address.substring(0, address.indexOf('{')) : address;
      assertThat(topics).as(address).contains(name);
    }
  }

  @Test
  void everyChannelNamesKeyProducerConsumerAndMessages() {
    ASYNCAPI
        .get("channels")
        .forEach(
            channel -> {
              assertThat(channel.path("x-key").asString()).isNotBlank();
              assertThat(channel.path("x-producers").isArray()).isTrue();
              assertThat(channel.path("x-consumers").isArray()).isTrue();
              assertThat(channel.path("messages").size()).isPositive();
            });
  }

  @Test
  void everyOperationPointsAtADeclaredChannel() {
    ASYNCAPI
        .get("operations")
        .forEach(
            operation -> {
              String ref = operation.at("/channel/$ref").asString();
              assertThat(ASYNCAPI.at(ref.substring(1))).as(ref).isNotNull();
              assertThat(ASYNCAPI.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            });
  }

  @Test
  void everySchemaReferenceExistsAndEverySchemaIsReferenced() throws IOException {
    List<String> refs = new ArrayList<>();
    collectRefs(ASYNCAPI, refs);
    List<String> fileRefs = refs.stream().filter(r -> !r.startsWith("#")).toList();
    for (String ref : fileRefs) {
      assertThat(Examples.SCHEMAS.resolve(ref)).as(ref).isRegularFile();
    }
    for (String ref : refs.stream().filter(r -> r.startsWith("#")).toList()) {
      assertThat(ASYNCAPI.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
    try (Stream<Path> files = Files.list(Examples.SCHEMAS)) {
      Set<String> schemaFiles =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .collect(Collectors.toSet());
      Set<String> referenced =
          fileRefs.stream()
              .map(r -> Path.of(r).getFileName().toString())
              .collect(Collectors.toSet());
      assertThat(referenced).isEqualTo(schemaFiles);
      Set<String> known =
          Arrays.stream(PayloadSchema.values())
              .map(PayloadSchema::fileName)
              .collect(Collectors.toSet());
      assertThat(known).isEqualTo(schemaFiles);
    }
  }

  @Test
  void deadLetterHeadersAreTheJavaConstants() {
    JsonNode headers = ASYNCAPI.at("/components/messageTraits/deadLetterHeaders/headers");
    assertThat(headers.get("properties").propertyNames())
        .containsExactlyInAnyOrderElementsOf(constants(DeadLetterHeaders.class));
  }

  @Test
  void deadLetterReasonsAreTheJavaEnum() {
    JsonNode reasons =
        ASYNCAPI.at(
            "/components/messageTraits/deadLetterHeaders/headers/properties/"
                + DeadLetterHeaders.REASON
                + "/enum");
    List<String> documented = new ArrayList<>();
    reasons.forEach(r -> documented.add(r.asString()));
    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(DeadLetterReason.values()).map(DeadLetterReason::code).toList());
  }

  private static Set<String> channelAddresses() {
    Set<String> addresses = new java.util.TreeSet<>();
    ASYNCAPI.get("channels").forEach(c -> addresses.add(c.get("address").asString()));
    return addresses;
  }

  private static List<String> constants(Class<?> holder) {
    List<String> values = new ArrayList<>();
    for (Field field : holder.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    values.removeIf(v -> v.equals(Topics.DLT_SUFFIX) || v.equals(Topics.RETRY_SUFFIX));
    return values;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asString());
                } else {
                  collectRefs(e.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
