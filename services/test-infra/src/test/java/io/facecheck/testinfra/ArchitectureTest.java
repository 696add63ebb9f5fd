package io.facecheck.testinfra;

import org.junit.jupiter.api.Test;

/** The test infrastructure builds on no facecheck module: every module's tests can use it. */
class ArchitectureTest {

  @Test
  void followsTheModuleRules() {
    ModuleRules.of("io.facecheck.testinfra")
        .check(ModuleRules.mainClasses("io.facecheck.testinfra"));
  }
}
