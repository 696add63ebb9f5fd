package io.facecheck.servicedefaults;

import io.facecheck.testinfra.ModuleRules;
import org.junit.jupiter.api.Test;

/** The services' shared defaults build on no facecheck module: every service may use them. */
class ArchitectureTest {

  @Test
  void followsTheModuleRules() {
    ModuleRules.of("io.facecheck.servicedefaults")
        .check(ModuleRules.mainClasses("io.facecheck.servicedefaults"));
  }
}
