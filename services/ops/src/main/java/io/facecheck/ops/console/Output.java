package io.facecheck.ops.console;

import io.facecheck.contracts.identity.ResidentIdNumber;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.ops.render.JsonLines;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command writes. Without {@code --json}: text on stdout, messages on stderr. With it,
 * stdout carries only JSON lines (one object per line: one line for a command about one thing, one
 * per item for a list) and every stderr line is a JSON object too, with a {@code type} of {@code
 * progress}, {@code notice} or {@code error} (which carries the exit code).
 */
public final class Output {

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final Progress progress;

  public Output(PrintWriter out, PrintWriter err, boolean json, Terminal terminal, Ticker ticker) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.progress = new Progress(err, Progress.styleFor(terminal, json), ticker);
  }

  public boolean json() {
    return json;
  }

  public Progress progress() {
    return progress;
  }

  /** A line of the text result; nothing in JSON mode (the command writes a record instead). */
  public void text(String line) {
    if (!json) {
      out.println(line);
    }
  }

  /** One JSON line on stdout. */
  public void record(Map<String, ?> fields) {
    JsonLines.write(out, fields);
  }

  /** Something the operator should read that is not the result: stderr. */
  public void notice(String message) {
    if (json) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("type", "notice");
      line.put("message", message);
      JsonLines.write(err, line);
    } else {
      err.println(message);
    }
  }

  /** Says why the command ends with {@code exitCode}, and returns that code. */
  public int fail(int exitCode, String message) {
    flush();
    if (json) {
      JsonLines.write(err, error(exitCode, message));
    } else {
      err.println(message);
    }
    err.flush();
    return exitCode;
  }

  public void flush() {
    out.flush();
    err.flush();
  }

  /** The JSON error line, also written by the entry point for usage and connection errors. */
  public static Map<String, Object> error(int exitCode, String message) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "error");
    line.put("exit_code", exitCode);
    line.put("error", ExitCodes.name(exitCode));
    // a driver's message could echo data: never let an ID number through
    line.put("message", ResidentIdNumber.maskWithin(message));
    return line;
  }
}
