package io.facecheck.devstack.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A directory of one file per setting, named after the Spring property (Spring Boot's {@code
 * configtree:} import reads it), one subdirectory per service so each container mounts only its
 * own. A value already there is kept: the keys survive {@code docker compose down} and up again.
 */
public final class SecretTree {

  private final Path root;
  private final List<String> written = new ArrayList<>();

  public SecretTree(Path root) {
    this.root = root;
  }

  /** The value of {@code service/name}: the one on disk, else {@code generate}'s, written now. */
  public String keep(String service, String name, Supplier<String> generate) throws IOException {
    Path file = root.resolve(service).resolve(name);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8);
    }
    return put(service, name, generate.get());
  }

  /** Writes {@code value}, replacing what is there (a value the operator passed in). */
  public String put(String service, String name, String value) throws IOException {
    Path dir = Files.createDirectories(root.resolve(service));
    Path file = dir.resolve(name);
    Path partial = dir.resolve("." + name + ".partial");
    Files.writeString(
        partial,
        value,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING);
    // readable by every user: the containers run as different users (PostgreSQL as postgres, the
    // services as 10001), and each container mounts only its own service's subdirectory
    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("r--r--r--"));
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    written.add(service + "/" + name);
    return value;
  }

  /** Files written by this run (names only, never values). */
  public List<String> written() {
    return List.copyOf(written);
  }
}
