package io.facecheck.ops;

import io.facecheck.contracts.identity.ResidentIdNumber;
import io.facecheck.ops.console.OpsContext;
import io.facecheck.ops.console.Output;
import io.facecheck.ops.console.OutputOptions;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.ops.render.JsonLines;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine;

/** {@code java -jar facecheck-ops.jar …}: builds the command line and exits with its code. */
public final class FacecheckOps {

  private FacecheckOps() {}

  public static void main(String[] args) {
    System.exit(commandLine(OpsContext.system()).execute(args));
  }

  /** The whole command tree, ready to {@code execute}; tests set their own out and err. */
  public static CommandLine commandLine(OpsContext context) {
    CommandLine commandLine = new CommandLine(OpsCommand.class, new ContextFactory(context));
    commandLine.setExecutionExceptionHandler(FacecheckOps::failed);
    commandLine.setParameterExceptionHandler(FacecheckOps::misused);
    listExitCodes(commandLine);
    return commandLine;
  }

  /** Every command's --help ends with the exit codes, since each is run on its own by scripts. */
  private static void listExitCodes(CommandLine commandLine) {
    Map<String, String> codes = new LinkedHashMap<>();
    ExitCodes.described().forEach((code, text) -> codes.put(String.valueOf(code), text));
    commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
    commandLine.getCommandSpec().usageMessage().exitCodeList(codes);
    commandLine.getSubcommands().values().forEach(FacecheckOps::listExitCodes);
  }

  /** Connection trouble and anything unexpected: one clear line on stderr, its exit code. */
  private static int failed(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    int code = ExitCodes.of(e);
    String message;
    if (e instanceof DataAccessException dataAccess) {
      message = "PostgreSQL failed: " + dataAccess.getMostSpecificCause().getMessage();
    } else if (code == ExitCodes.INTERNAL) {
      message =
          "internal error, please report: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    } else {
      message = e.getMessage();
    }
    report(commandLine.getErr(), json(parseResult), code, message);
    return code;
  }

  /** A usage error (picocli's own, or one a command found): the message and the usage, or JSON. */
  private static int misused(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    boolean json = Arrays.asList(args).contains(OutputOptions.JSON);
    if (json) {
      report(commandLine.getErr(), true, ExitCodes.USAGE, e.getMessage());
      return ExitCodes.USAGE;
    }
    PrintWriter err = commandLine.getErr();
    err.println("facecheck-ops: " + ResidentIdNumber.maskWithin(e.getMessage()));
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  private static void report(PrintWriter err, boolean json, int code, String message) {
    if (json) {
      JsonLines.write(err, Output.error(code, message));
    } else {
      // a driver's message could echo data: never let an ID number through
      err.println("facecheck-ops: " + ResidentIdNumber.maskWithin(message));
    }
    err.flush();
  }

  /** Whether the command that ran was given --json. */
  private static boolean json(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult leaf = parseResult;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    return leaf.hasMatchedOption(OutputOptions.JSON);
  }
}
