package io.facecheck.deploymentchecks.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.Processes;
import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.deploymentchecks.support.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile's extraction step, run for real on the worker's jar: Spring Boot's jarmode splits
 * it into the four directories the Dockerfile copies, and the launcher they hold starts.
 */
class LayeredJarTest {

  @TempDir Path dir;

  @Test
  void theWorkerJarExtractsIntoTheLayersTheDockerfileCopies() {
    Path jar = RepositoryRoot.resolve("services/worker/target/facecheck-worker-exec.jar");
    RequiredTool.require(
        Files.isRegularFile(jar),
        jar + " is not built",
        "run ./mvnw -B verify from the repository root (it packages the worker first)");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Processes.Result result =
        Processes.run(
            List.of(
                java,
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--layers",
                "--launcher",
                "--destination",
                dir.resolve("extracted").toString()),
            dir,
            "");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    for (String layer :
        List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
      assertThat(dir.resolve("extracted").resolve(layer)).isDirectory();
    }
    assertThat(
            dir.resolve(
                "extracted/spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
        .isRegularFile();
    assertThat(dir.resolve("extracted/application/BOOT-INF/classes/io/facecheck/worker"))
        .isDirectory();
  }
}
