package io.facecheck.devstack;

import io.facecheck.devstack.cli.BenchCommand;
import io.facecheck.devstack.cli.ChaosCommand;
import io.facecheck.devstack.cli.DemoCommand;
import io.facecheck.devstack.cli.InfraCommand;
import io.facecheck.devstack.cli.SecretsCommand;
import io.facecheck.devstack.cli.TopicsCommand;
import io.facecheck.devstack.cli.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar facecheck-devstack.jar up | infra | demo --requests N | chaos | bench | topics |
 * secrets}.
 */
@Command(
    name = "facecheck-devstack",
    mixinStandardHelpOptions = true,
    description = "The whole facecheck pipeline on one machine.",
    subcommands = {
      UpCommand.class,
      InfraCommand.class,
      DemoCommand.class,
      ChaosCommand.class,
      BenchCommand.class,
      TopicsCommand.class,
      SecretsCommand.class
    })
public final class DevStack implements Runnable {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Without a command: the usage, and a non-zero exit. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command: up, infra, demo, chaos, bench, topics or secrets");
  }

  public static CommandLine commandLine() {
    return new CommandLine(new DevStack());
  }
}
