package io.facecheck.deploymentchecks.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.deploymentchecks.support.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One convention for every runnable module: {@code services/<module>/target/facecheck-<module>.jar}
 * is the executable jar (Spring Boot's repackage, in place: the module's main artifact), and where
 * other modules need the classes they depend on the plain jar, classifier {@code lib}. This module
 * is the reactor's last, so in {@code ./mvnw verify} every runnable module is packaged by now.
 */
class RunnableJarsTest {

  /** The modules under services/ that ship a program. */
  static final List<String> RUNNABLE =
      List.of("intake", "worker", "reconciler", "ops", "devstack", "alipay-simulator");

  private static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

  @ParameterizedTest
  @MethodSource("runnableModules")
  void theRunnableJarIsNamedAfterItsModuleAndStarts(String module) throws IOException {
    Path jar =
        RepositoryRoot.resolve("services/" + module + "/target/facecheck-" + module + ".jar");
    RequiredTool.require(
        Files.isRegularFile(jar),
        jar + " is not built",
        "run ./mvnw -B verify (or package) from the repository root");

    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes manifest = file.getManifest().getMainAttributes();
      assertThat(manifest.getValue("Main-Class")).as(jar + " Main-Class").isEqualTo(LAUNCHER);
      assertThat(manifest.getValue("Start-Class"))
          .as(jar + " Start-Class")
          .startsWith("io.facecheck.");
      String startClass = manifest.getValue("Start-Class").replace('.', '/') + ".class";
      assertThat(file.getEntry("BOOT-INF/classes/" + startClass))
          .as(jar + " holds its Start-Class")
          .isNotNull();
    }
  }

  @Test
  void theRunnableModulesAreExactlyTheModulesThatRepackage() throws Exception {
    List<String> repackaging = new ArrayList<>();
    for (Path pom : modulePoms()) {
      String text = Files.readString(pom);
      String module = pom.getParent().getFileName().toString();
      if (text.contains("<goal>repackage</goal>")) {
        repackaging.add(module);
      }
      assertThat(text)
          .as(pom + ": one way to build a runnable jar")
          .doesNotContain("maven-shade-plugin")
          .doesNotContain("<classifier>exec</classifier>");
      Element build = child(document(pom).getDocumentElement(), "build");
      if (text.contains("<goal>repackage</goal>")) {
        assertThat(build).isNotNull();
        assertThat(text(child(build, "finalName")))
            .as(pom + ": the runnable jar's name")
            .isEqualTo("facecheck-" + module);
      }
    }
    assertThat(new TreeSet<>(repackaging)).isEqualTo(new TreeSet<>(RUNNABLE));
  }

  @Test
  void everyDependencyOnARunnableModuleTakesItsPlainJar() throws Exception {
    List<Path> poms = new ArrayList<>(modulePoms());
    poms.add(RepositoryRoot.resolve("pom.xml"));
    List<String> wrong = new ArrayList<>();
    for (Path pom : poms) {
      NodeList dependencies = document(pom).getElementsByTagName("dependency");
      for (int i = 0; i < dependencies.getLength(); i++) {
        Element dependency = (Element) dependencies.item(i);
        String artifact = text(child(dependency, "artifactId"));
        boolean onRunnable =
            "io.facecheck".equals(text(child(dependency, "groupId")))
                && RUNNABLE.stream().anyMatch(m -> artifact.equals("facecheck-" + m));
        String type = text(child(dependency, "type"));
        if (onRunnable
            && !"test-jar".equals(type)
            && !"lib".equals(text(child(dependency, "classifier")))) {
          wrong.add(pom + ": " + artifact);
        }
      }
    }
    assertThat(wrong).as("dependencies on an executable jar instead of classifier lib").isEmpty();
  }

  static List<String> runnableModules() {
    return RUNNABLE;
  }

  private static List<Path> modulePoms() throws IOException {
    try (Stream<Path> modules = Files.list(RepositoryRoot.resolve("services"))) {
      return modules.map(m -> m.resolve("pom.xml")).filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static Document document(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element element) {
    return element == null ? null : element.getTextContent().trim();
  }
}
