package io.facecheck.testinfra.rulesfixture.a;

import io.facecheck.testinfra.rulesfixture.b.Pong;

/** Half of a package cycle, for ModuleRulesTest. */
public final class Ping {
  public Pong next() {
    return new Pong();
  }
}
