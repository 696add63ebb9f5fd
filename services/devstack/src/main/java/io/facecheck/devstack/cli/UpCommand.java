package io.facecheck.devstack.cli;

import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

  @Mixin AutoUserOption autoUser;

  @Override
  public Integer call() throws InterruptedException {
    StackSettings settings = stack.settings(autoUser.autoUserOrNull(), "INFO");
    Stack running = Stack.startAll(settings);
    System.out.println(Banner.up(running));
    UntilStopped.await(running);
    return 0;
  }
}
