package io.facecheck.deploymentchecks.compose;

import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.deploymentchecks.support.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import tools.jackson.databind.JsonNode;

/** docker-compose.yml with anchors and merge keys resolved, as Compose reads it. */
final class ComposeFile {

  private ComposeFile() {}

  static JsonNode load() {
    return Yaml.one(text());
  }

  static String text() {
    try {
      return Files.readString(RepositoryRoot.resolve("docker-compose.yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
