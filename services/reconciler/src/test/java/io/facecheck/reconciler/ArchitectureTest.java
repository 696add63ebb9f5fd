package io.facecheck.reconciler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.facecheck.testinfra.ModuleRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static final JavaClasses RECONCILER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.facecheck.reconciler");

  @Test
  void decisionsLadderAndCallbacksKnowNoFrameworkKafkaOrJdbc() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.facecheck.reconciler.decision",
            "io.facecheck.reconciler.ladder",
            "io.facecheck.reconciler.callback",
            "io.facecheck.reconciler.query")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..")
        .check(RECONCILER);
  }

  @Test
  void followsTheModuleRules() {
    ModuleRules.of(
            "io.facecheck.reconciler",
            "io.facecheck.contracts",
            "io.facecheck.servicedefaults",
            "io.facecheck.statemachine",
            "io.facecheck.tracing")
        .check(RECONCILER);
  }

  @Test
  void onlyTheKafkaAdaptersListen() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..kafka..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.springframework.kafka.annotation.KafkaListener")
        .check(RECONCILER);
  }
}
