package io.facecheck.ops;

import java.time.Clock;
import java.util.Map;

/** What commands take from outside: the environment (for connection settings) and the clock. */
public record OpsContext(Map<String, String> env, Clock clock) {

  public static OpsContext system() {
    return new OpsContext(System.getenv(), Clock.systemUTC());
  }
}
