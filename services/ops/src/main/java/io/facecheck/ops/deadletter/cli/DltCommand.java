package io.facecheck.ops.deadletter.cli;

import picocli.CommandLine.Command;

/** Groups the dead-letter commands. */
@Command(
    name = "dlt",
    mixinStandardHelpOptions = true,
    description = "Inspect and replay the dead-letter topics.",
    subcommands = {ListCommand.class, ShowCommand.class, ReplayCommand.class})
public final class DltCommand {}
