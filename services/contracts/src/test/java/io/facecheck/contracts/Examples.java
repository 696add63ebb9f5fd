package io.facecheck.contracts;

import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.contracts.schema.PayloadSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** The example files of schemas/examples, read from the repository (the one source of truth). */
public final class Examples {

  /** Surefire runs in the module directory, two levels below the repository root. */
  public static final Path SCHEMAS = Path.of("../../schemas");

  public static final Path EXAMPLES = SCHEMAS.resolve("examples");

  private Examples() {}

  /** The example directory of a payload: verification-request.v1.json → verification-request. */
  public static Path directory(PayloadSchema payload) {
    return EXAMPLES.resolve(payload.fileName().replace(".v1.json", ""));
  }

  public static List<Path> valid(PayloadSchema payload) {
    return jsonFiles(directory(payload).resolve("valid"));
  }

  public static List<Path> invalid(PayloadSchema payload) {
    return jsonFiles(directory(payload).resolve("invalid"));
  }

  public static JsonNode expectations(PayloadSchema payload) {
    return read(directory(payload).resolve("invalid/expectations.json"));
  }

  public static JsonNode read(Path file) {
    return PayloadJson.mapper().readTree(file.toFile());
  }

  public static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> jsonFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .filter(f -> !f.getFileName().toString().equals("expectations.json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
