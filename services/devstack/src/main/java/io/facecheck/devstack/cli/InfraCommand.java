package io.facecheck.devstack.cli;

import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code infra}: Kafka, PostgreSQL and the simulator, for services run as their own processes. */
@Command(
    name = "infra",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Start only Kafka, PostgreSQL and the Alipay simulator, and print (and write to"
            + " <data-dir>/infra.env) the settings each service needs to run against them.")
public final class InfraCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Mixin AutoUserOption autoUser;

  @Override
  public Integer call() throws InterruptedException, IOException {
    StackSettings settings = stack.settings(autoUser.autoUserOrNull(), "INFO");
    Stack running = Stack.startInfrastructure(settings);
    String exports = EnvironmentExport.exports(running.serviceProperties());
    Path envFile = settings.dataDirectory().resolve("infra.env");
    Files.writeString(envFile, exports);
    System.out.println(Banner.infra(running, envFile, exports));
    UntilStopped.await(running);
    return 0;
  }
}
