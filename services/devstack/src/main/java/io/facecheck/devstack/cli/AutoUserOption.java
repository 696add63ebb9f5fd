package io.facecheck.devstack.cli;

import io.facecheck.simulator.scenario.UserBehaviour;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --auto-user} and its settings, shared by {@code up} and {@code infra}. */
final class AutoUserOption {

  @Option(
      names = "--auto-user",
      description = "Let the simulator's automatic user complete every certification.")
  boolean enabled;

  @ArgGroup(exclusive = false, heading = "Automatic user (with --auto-user)%n")
  UserOptions user = new UserOptions();

  /** The automatic user to configure, or null when certifications wait for a real click. */
  UserBehaviour autoUserOrNull() {
    return enabled ? user.autoUser() : null;
  }
}
