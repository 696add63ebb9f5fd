package io.facecheck.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.Yaml;

/** The hand-written OpenAPI document names exactly the endpoints the controllers map. */
class OpenApiDocumentTest {

  @Test
  @SuppressWarnings("unchecked")
  void describesEveryMappedEndpointAndNoOther() throws IOException {
    Map<String, Object> document;
    try (InputStream in = getClass().getResourceAsStream("/static/openapi.yaml")) {
      assertThat(in).as("openapi.yaml on the classpath").isNotNull();
      document = new Yaml().load(in);
    }
    assertThat(document.get("openapi")).isEqualTo("3.1.0");
    Set<String> documented = new TreeSet<>();
    ((Map<String, Map<String, Object>>) document.get("paths"))
        .forEach(
            (path, operations) ->
                operations.keySet().stream()
                    .filter(Set.of("get", "post", "put", "patch", "delete")::contains)
                    .forEach(method -> documented.add(endpoint(method, path))));

    assertThat(documented).isEqualTo(mappedEndpoints()).hasSize(3);
  }

  private static Set<String> mappedEndpoints() {
    Set<String> mapped = new TreeSet<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.facecheck.intake")) {
      if (!type.isAnnotatedWith(RestController.class)) {
        continue;
      }
      for (JavaMethod method : type.getMethods()) {
        method
            .tryGetAnnotationOfType(GetMapping.class)
            .ifPresent(
                m -> paths(m.value(), m.path()).forEach(p -> mapped.add(endpoint("get", p))));
        method
            .tryGetAnnotationOfType(PostMapping.class)
            .ifPresent(
                m -> paths(m.value(), m.path()).forEach(p -> mapped.add(endpoint("post", p))));
      }
    }
    return mapped;
  }

  private static Set<String> paths(String[] value, String[] path) {
    return Set.of(value.length > 0 ? value : path);
  }

  /** Path variables are compared by position, not name ({request_id} vs {requestId}). */
  private static String endpoint(String method, String path) {
    return method.toUpperCase() + " " + path.replaceAll("\\{[^}]*}", "{}");
  }
}
