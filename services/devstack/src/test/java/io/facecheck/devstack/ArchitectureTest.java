package io.facecheck.devstack;

import io.facecheck.testinfra.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * The dev stack runs the services and the simulator side by side, so it may build on all of them;
 * the module rules still keep its own packages free of cycles and its logging on SLF4J.
 */
class ArchitectureTest {

  @Test
  void followsTheModuleRules() {
    ModuleRules.of(
            "io.facecheck.devstack",
            "io.facecheck.contracts",
            "io.facecheck.pii",
            "io.facecheck.intake",
            "io.facecheck.worker",
            "io.facecheck.reconciler",
            "io.facecheck.simulator")
        .check(ModuleRules.mainClasses("io.facecheck.devstack"));
  }
}
