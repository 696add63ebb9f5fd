package io.facecheck.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.facecheck.testinfra.ModuleRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static final JavaClasses OPS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.facecheck");

  @Test
  void packagesAreFreeOfCycles() {
    // the entry point sits on top; exit codes, the context and the console are leaves every
    // command uses, so no package needs one that needs it back
    ModuleRules.packagesFreeOfCycles("io.facecheck.ops")
        .check(ModuleRules.mainClasses("io.facecheck.ops"));
  }

  @Test
  void dependsOnNoService() {
    noClasses()
        .that()
        .resideInAPackage("io.facecheck.ops..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.facecheck.worker..",
            "io.facecheck.reconciler..",
            "io.facecheck.intake..",
            "io.facecheck.devstack..",
            "io.facecheck.simulator..")
        .check(OPS);
  }

  @Test
  void keepsMaskingAndRenderingFreeOfKafkaJdbcAndTheCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.facecheck.ops.masking", "io.facecheck.ops.deadletter", "io.facecheck.ops.render")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..", "java.sql..", "javax.sql..", "org.springframework..", "picocli..")
        .check(OPS);
  }

  @Test
  void neverOpensSealedIdentities() {
    noClasses()
        .that()
        .resideInAPackage("io.facecheck.ops..")
        .should()
        .dependOnClassesThat()
        .haveSimpleName("PiiCipher")
        .check(OPS);
  }
}
