package io.facecheck.testinfra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules find what they are for, in a fixture that breaks each of them. */
class ModuleRulesTest {

  private static final JavaClasses BROKEN =
      new ClassFileImporter().importPackages("io.facecheck.testinfra.rulesfixture");

  @Test
  void aCycleBetweenTwoPackagesIsFound() {
    assertThatThrownBy(
            () ->
                ModuleRules.packagesFreeOfCycles("io.facecheck.testinfra.rulesfixture")
                    .check(BROKEN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("rulesfixture.a")
        .hasMessageContaining("rulesfixture.b");
  }

  @Test
  void aDependencyOnAModuleItDoesNotBuildOnIsFound() {
    assertThatThrownBy(
            () -> ModuleRules.dependsOnlyOn("io.facecheck.testinfra.rulesfixture.a").check(BROKEN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Pong");
  }

  @Test
  void javaUtilLoggingIsFound() {
    assertThatThrownBy(() -> ModuleRules.logsThroughSlf4j().check(BROKEN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.util.logging.Logger");
  }
}
