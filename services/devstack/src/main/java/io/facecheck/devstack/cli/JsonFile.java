package io.facecheck.devstack.cli;

import io.facecheck.contracts.schema.PayloadJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command's {@code --json FILE} goes: pretty-printed, its directory created if needed. */
final class JsonFile {

  private JsonFile() {}

  static void write(Path file, Object document) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        file, PayloadJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
  }
}
