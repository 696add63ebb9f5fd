package io.facecheck.devstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command line that runs a main class of this program's classpath in a new JVM. From the
 * executable jar the classes sit under BOOT-INF, out of a plain {@code -cp}'s reach: Spring Boot's
 * PropertiesLauncher (in every repackaged jar) opens them and calls {@code loader.main}. From a
 * plain classpath (tests, an IDE) the class runs directly.
 */
public final class JavaCommand {

  private static final String LAUNCHER =
      "org.springframework.boot.loader.launch.PropertiesLauncher";

  private JavaCommand() {}

  public static List<String> of(String mainClass, List<String> jvmOptions, List<String> args) {
    String classPath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    if (isExecutableJar(classPath)) {
      command.add("-Dloader.main=" + mainClass);
      command.add(LAUNCHER);
    } else {
      command.add(mainClass);
    }
    command.addAll(args);
    return command;
  }

  static boolean isExecutableJar(String classPath) {
    if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
      return false;
    }
    try (JarFile jar = new JarFile(classPath)) {
      return jar.getManifest() != null
          && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + classPath, e);
    }
  }
}
