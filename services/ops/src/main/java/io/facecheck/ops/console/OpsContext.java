package io.facecheck.ops.console;

import java.time.Clock;
import java.util.Map;

/**
 * What commands take from outside: the environment (for connection settings), the clock, the
 * operator's terminal (for confirmations and the live progress line) and the ticker that times
 * progress and paces replays. Tests give their own.
 */
public record OpsContext(Map<String, String> env, Clock clock, Terminal terminal, Ticker ticker) {

  /** No terminal and real waiting, as a script or CI runs it. */
  public OpsContext(Map<String, String> env, Clock clock) {
    this(env, clock, Terminal.none(), Ticker.system());
  }

  public static OpsContext system() {
    return new OpsContext(System.getenv(), Clock.systemUTC(), Terminal.system(), Ticker.system());
  }
}
