package io.facecheck.ops.console;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --json}, the same on every command: a picocli mixin that builds the command's output. */
public final class OutputOptions {

  public static final String JSON = "--json";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = JSON,
      description =
          "JSON lines on stdout (one object per line) and JSON objects on stderr (progress,"
              + " notices, the error with its exit code)")
  boolean json;

  public Output output(OpsContext context) {
    return new Output(
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        json,
        context.terminal(),
        context.ticker());
  }
}
