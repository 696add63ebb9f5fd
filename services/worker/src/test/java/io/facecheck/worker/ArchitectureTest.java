package io.facecheck.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.facecheck.testinfra.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * Use cases stay free of frameworks and of the SDK; the module rules (no package cycles, no other
 * service, SLF4J) hold as everywhere.
 */
class ArchitectureTest {

  private static final JavaClasses WORKER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.facecheck.worker");

  @Test
  void useCasesImportNoSpringKafkaJdbcOrAlipaySdk() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.facecheck.worker.initiation",
            "io.facecheck.worker.query",
            "io.facecheck.worker.deadletter",
            "io.facecheck.worker.dispatch",
            "io.facecheck.worker.retry")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.apache.kafka..",
            "java.sql..",
            "javax.sql..",
            "com.alipay..")
        .check(WORKER);
  }

  @Test
  void onlyTheAlipayAdaptersTouchTheSdk() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.facecheck.worker.alipay",
            "io.facecheck.worker.initiation.alipay",
            "io.facecheck.worker.query.alipay")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.alipay..")
        .check(WORKER);
  }

  @Test
  void followsTheModuleRules() {
    ModuleRules.of(
            "io.facecheck.worker",
            "io.facecheck.contracts",
            "io.facecheck.pii",
            "io.facecheck.servicedefaults",
            "io.facecheck.statemachine",
            "io.facecheck.tracing")
        .check(WORKER);
  }

  /**
   * Dead-letter reasons and headers are a public contract (io.facecheck.contracts.DeadLetterReason,
   * DeadLetterHeaders): the dead-letter package publishes no codes of its own beside them.
   */
  @Test
  void deadLetterReasonsComeFromTheContracts() {
    noFields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage("io.facecheck.worker.deadletter..")
        .and()
        .areStatic()
        .and()
        .haveRawType(String.class)
        .should()
        .bePublic()
        .check(WORKER);
  }
}
