package io.facecheck.deploymentchecks.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root directory: the files under test live there, not in this module. */
public final class RepositoryRoot {

  private static final Path ROOT = find();

  private RepositoryRoot() {}

  public static Path resolve(String relative) {
    return ROOT.resolve(relative);
  }

  private static Path find() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
          && Files.isDirectory(dir.resolve("k8s"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }
}
