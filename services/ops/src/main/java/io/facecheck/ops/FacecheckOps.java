package io.facecheck.ops;

import io.facecheck.contracts.identity.ResidentIdNumber;
import io.facecheck.ops.connection.ConnectionFailure;
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
    return commandLine;
  }

  /** Connection trouble and anything unexpected: one clear line on stderr, exit code 2. */
  private static int failed(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    String message;
    if (e instanceof ConnectionFailure) {
      message = e.getMessage();
    } else if (e instanceof DataAccessException dataAccess) {
      message = "PostgreSQL failed: " + dataAccess.getMostSpecificCause().getMessage();
    } else {
      message = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    // a driver's message could echo data: never let an ID number through
    commandLine.getErr().println("facecheck-ops: " + ResidentIdNumber.maskWithin(message));
    return ExitCodes.USAGE_OR_CONNECTION;
  }
}
