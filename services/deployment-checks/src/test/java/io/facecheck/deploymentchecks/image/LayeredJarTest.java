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

  private static final List<String> LAYERS =
      List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

  @TempDir Path dir;

  @Test
  void theWorkerJarExtractsIntoTheLayersTheDockerfileCopies() {
    Path jar = RepositoryRoot.resolve("services/worker/target/facecheck-worker.jar");
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

  @Test
  void theDockerfilesEntrypointStartsAnApplicationFromTheCopiedLayers() throws Exception {
    Path jar = RepositoryRoot.resolve("services/ops/target/facecheck-ops.jar");
    RequiredTool.require(
        Files.isRegularFile(jar),
        jar + " is not built",
        "run ./mvnw -B verify from the repository root (it packages ops first)");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path extracted = dir.resolve("extracted");
    Processes.Result extract =
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
                extracted.toString()),
            dir,
            "");
    assertThat(extract.exitCode()).as(extract.stderr()).isZero();
    // the four COPY lines of the Dockerfile, into one WORKDIR
    Path app = Files.createDirectories(dir.resolve("app"));
    for (String layer : LAYERS) {
      copyTree(extracted.resolve(layer), app);
    }

    // the Dockerfile's ENTRYPOINT, run in its WORKDIR; ops answers --help without a broker
    Processes.Result help =
        Processes.run(
            List.of(
                java,
                "-XX:MaxRAMPercentage=75",
                "org.springframework.boot.loader.launch.JarLauncher",
                "--help"),
            app,
            "");

    assertThat(help.exitCode()).as(help.stderr()).isZero();
    assertThat(help.stdout()).contains("dlt", "timeline");
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
