package io.facecheck.statemachine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain package stays plain Java; persistence lives in the jdbc subpackage. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.facecheck.statemachine");

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
