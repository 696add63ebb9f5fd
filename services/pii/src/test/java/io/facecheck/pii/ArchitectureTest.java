package io.facecheck.pii;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.facecheck.testinfra.ModuleRules;
import org.junit.jupiter.api.Test;

/** The cipher builds on no other facecheck module and on no framework: plain JDK cryptography. */
class ArchitectureTest {

  private static final JavaClasses PII = ModuleRules.mainClasses("io.facecheck.pii");

  @Test
  void followsTheModuleRules() {
    ModuleRules.of("io.facecheck.pii").check(PII);
  }

  @Test
  void importsNoFramework() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..")
        .check(PII);
  }
}
