package io.facecheck.tracing;

import io.facecheck.testinfra.ModuleRules;
import org.junit.jupiter.api.Test;

/** Tracing is a library every service builds on, so it builds on no facecheck module itself. */
class ArchitectureTest {

  @Test
  void followsTheModuleRules() {
    ModuleRules.of("io.facecheck.tracing").check(ModuleRules.mainClasses("io.facecheck.tracing"));
  }
}
