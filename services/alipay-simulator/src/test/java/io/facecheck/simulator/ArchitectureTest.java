package io.facecheck.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.facecheck.testinfra.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * The simulator stands in for Alipay, so it shares no code with facecheck: a bug in a shared helper
 * must not be able to make both sides agree on something Alipay would refuse.
 */
class ArchitectureTest {

  private static final JavaClasses SIMULATOR = ModuleRules.mainClasses("io.facecheck.simulator");

  @Test
  void followsTheModuleRules() {
    ModuleRules.of("io.facecheck.simulator").check(SIMULATOR);
  }

  @Test
  void speaksHttpThroughNettyOnlyAndKnowsNoFacecheckService() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..")
        .check(SIMULATOR);
  }
}
