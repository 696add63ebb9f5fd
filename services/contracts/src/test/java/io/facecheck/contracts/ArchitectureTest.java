package io.facecheck.contracts;

import io.facecheck.testinfra.ModuleRules;
import org.junit.jupiter.api.Test;

/** The public contract builds on no other facecheck module: everyone may depend on it. */
class ArchitectureTest {

  @Test
  void followsTheModuleRules() {
    ModuleRules.of("io.facecheck.contracts")
        .check(ModuleRules.mainClasses("io.facecheck.contracts"));
  }
}
