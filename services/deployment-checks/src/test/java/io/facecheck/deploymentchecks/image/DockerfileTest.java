package io.facecheck.deploymentchecks.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.RepositoryRoot;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, read as text since no container engine runs here: a pinned JDK 21+ base, Spring
 * Boot's layered extraction copied layer by layer, a numeric non-root user.
 */
class DockerfileTest {

  private static final List<String> LINES = read("deploy/docker/Dockerfile");

  @Test
  void theBaseIsAPinnedJdk21OrNewerRelease() {
    Matcher base =
        Pattern.compile("^ARG JAVA_IMAGE=eclipse-temurin:(\\d+)\\.(\\d+)\\.(\\d+)_\\d+-jre-\\w+")
            .matcher(String.join("\n", LINES));
    assertThat(base.find()).as("ARG JAVA_IMAGE pinned to a patch release").isTrue();
    assertThat(Integer.parseInt(base.group(1))).isGreaterThanOrEqualTo(21);
    assertThat(LINES)
        .filteredOn(l -> l.startsWith("FROM "))
        .allMatch(l -> l.startsWith("FROM ${JAVA_IMAGE}"));
  }

  @Test
  void theJarIsCopiedLayerByLayerFromSpringBootsExtraction() {
    assertThat(LINES)
        .anyMatch(l -> l.contains("-Djarmode=tools") && l.contains("extract --layers --launcher"));
    List<String> copies = LINES.stream().filter(l -> l.startsWith("COPY --from=extract")).toList();
    assertThat(copies)
        .extracting(l -> l.split("\\s+")[2].replaceAll(".*/extracted/([a-z-]+)/", "$1"))
        .containsExactly(
            "dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
    assertThat(LINES)
        .anyMatch(l -> l.contains("org.springframework.boot.loader.launch.JarLauncher"));
  }

  @Test
  void theImageRunsAsANumericNonRootUser() {
    List<String> users = LINES.stream().filter(l -> l.startsWith("USER ")).toList();
    assertThat(users).isNotEmpty();
    assertThat(users.get(users.size() - 1)).matches("USER [1-9]\\d{3,}:[1-9]\\d{3,}");
  }

  @Test
  void theBuildContextLeavesOutEverythingButWhatImagesCopy() {
    List<String> ignore = read(".dockerignore");
    assertThat(ignore).contains("*");
    assertThat(ignore)
        .filteredOn(l -> l.startsWith("!"))
        .allMatch(l -> l.endsWith(".jar") || l.endsWith(".sh") || l.equals("!db/migration/"));
  }

  private static List<String> read(String path) {
    try {
      return Files.readAllLines(RepositoryRoot.resolve(path)).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
