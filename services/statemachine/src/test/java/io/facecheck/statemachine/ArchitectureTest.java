package io.facecheck.statemachine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.facecheck.testinfra.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * The module rules (builds on contracts and pii only, packages free of cycles); the domain package
 * stays plain Java; persistence lives in the jdbc subpackage.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES = ModuleRules.mainClasses("io.facecheck.statemachine");

  @Test
  void followsTheModuleRules() {
    ModuleRules.of("io.facecheck.statemachine", "io.facecheck.contracts", "io.facecheck.pii")
        .check(CLASSES);
  }

  @Test
  void domainImportsNoFrameworkOrDatabase() {
    noClasses()
        .that()
        .resideInAPackage("io.facecheck.statemachine")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "javax.sql..",
            "org.postgresql..",
            "org.flywaydb..",
            "tools.jackson..",
            "io.facecheck.statemachine.jdbc..")
        .check(CLASSES);
  }

  @Test
  void onlyTheJdbcAdapterTouchesTheDatabase() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.facecheck.statemachine.jdbc..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
        .check(CLASSES);
  }
}
