package io.facecheck.testinfra;

import org.testcontainers.DockerClientFactory;

/**
 * Decides once per JVM whether Testcontainers can be used; these machines have no Docker engine.
 */
final class DockerAvailability {

  private static final boolean AVAILABLE = probe();

  private DockerAvailability() {}

  static boolean available() {
    return AVAILABLE;
  }

  private static boolean probe() {
    if (Boolean.getBoolean("facecheck.test.embedded-only")) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
