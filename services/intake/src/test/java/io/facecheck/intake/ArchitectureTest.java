package io.facecheck.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.facecheck.testinfra.ModuleRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static final JavaClasses INTAKE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.facecheck");

  @Test
  void followsTheModuleRules() {
    ModuleRules.of(
            "io.facecheck.intake",
            "io.facecheck.contracts",
            "io.facecheck.statemachine",
            "io.facecheck.tracing")
        .check(ModuleRules.mainClasses("io.facecheck.intake"));
  }

  @Test
  void keepsUseCasesFreeOfSpringKafkaAndJdbc() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.facecheck.intake.auth",
            "io.facecheck.intake.request",
            "io.facecheck.intake.callback",
            "io.facecheck.intake.status",
            "io.facecheck.intake.lookup")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..")
        .check(INTAKE);
  }

  @Test
  void reachesKafkaOnlyThroughItsAdapters() {
    noClasses()
        .that()
        .resideInAPackage("io.facecheck.intake..")
        .and()
        .resideOutsideOfPackages(
            "io.facecheck.intake.kafka..",
            "io.facecheck.intake..kafka..",
            "io.facecheck.intake.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..")
        .check(INTAKE);
  }
}
