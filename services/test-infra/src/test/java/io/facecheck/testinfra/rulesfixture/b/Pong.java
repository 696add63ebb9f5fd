package io.facecheck.testinfra.rulesfixture.b;

import io.facecheck.testinfra.rulesfixture.a.Ping;
import java.util.logging.Logger;

/** The other half of the package cycle, logging through java.util.logging, for ModuleRulesTest. */
public final class Pong {
  private static final Logger LOG = Logger.getLogger(Pong.class.getName());

  public Ping back() {
    LOG.fine("pong");
    return new Ping();
  }
}
