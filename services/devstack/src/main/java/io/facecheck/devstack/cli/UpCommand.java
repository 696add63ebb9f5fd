package io.facecheck.devstack.cli;

import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code up}: the whole stack, until Ctrl-C. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Start Kafka, PostgreSQL, the Alipay simulator, intake, worker and reconciler, wire their"
            + " keys, and run until Ctrl-C.")
public final class UpCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Option(
      names = "--auto-user",
      description = "Let the simulator's automatic user complete every certification.")
  boolean autoUser;

  @ArgGroup(exclusive = false, heading = "Automatic user (with --auto-user)%n")
  UserOptions user = new UserOptions();

  @Override
  public Integer call() throws InterruptedException {
    StackSettings settings = stack.settings(autoUser ? user.autoUser() : null, "INFO");
    Stack running = Stack.startAll(settings);
    System.out.println(Banner.up(running));
    UntilStopped.await(running);
    return 0;
  }
}
