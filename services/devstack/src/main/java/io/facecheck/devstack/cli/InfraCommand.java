package io.facecheck.devstack.cli;

import io.facecheck.devstack.infra.InfraControl;
import io.facecheck.devstack.infra.KafkaProcess;
import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

  @Option(
      names = "--restartable",
      description =
          "Run Kafka as its own process with its log in <data-dir>/kafka, and serve a control"
              + " surface on --control-port: POST /kafka/stop|kill|start,"
              + " /postgres/stop|start|pause|resume; GET /status. Both keep their data across"
              + " restarts.")
  boolean restartable;

  @Option(
      names = "--control-port",
      defaultValue = "8099",
      description = "With --restartable: the control surface's port (localhost only).")
  int controlPort;

  @Override
  public Integer call() throws InterruptedException, IOException {
    StackSettings settings = stack.settings(autoUser.autoUserOrNull(), "INFO");
    Stack running =
        restartable
            ? Stack.startRestartableInfrastructure(settings)
            : Stack.startInfrastructure(settings);
    String exports = EnvironmentExport.exports(running.serviceProperties());
    Path envFile = settings.dataDirectory().resolve("infra.env");
    Files.writeString(envFile, exports);
    System.out.println(Banner.infra(running, envFile, exports));
    InfraControl control = null;
    if (restartable) {
      control =
          InfraControl.start(
              controlPort,
              (KafkaProcess) running.infrastructure().kafka(),
              running.infrastructure().postgres());
      System.out.printf(
          "control: curl -X POST localhost:%d/kafka/stop   (kafka/start|kill,"
              + " postgres/stop|start|pause|resume; GET /status)%n",
          control.port());
    }
    UntilStopped.await(running);
    if (control != null) {
      control.close();
    }
    return 0;
  }
}
