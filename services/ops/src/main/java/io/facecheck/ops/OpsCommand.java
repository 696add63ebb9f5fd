package io.facecheck.ops;

import io.facecheck.ops.deadletter.cli.DltCommand;
import io.facecheck.ops.erasure.EraseCommand;
import io.facecheck.ops.resume.ResumeCommand;
import io.facecheck.ops.timeline.TimelineCommand;
import picocli.CommandLine.Command;

/** The top of the command tree; it only groups. Every command's exit codes: {@link ExitCodes}. */
@Command(
    name = "facecheck-ops",
    mixinStandardHelpOptions = true,
    version = "facecheck-ops 0.1.0",
    description =
        "Inspect and replay facecheck dead letters; show a verification's timeline; resume a"
            + " parked verification; erase a verification's identity (data-subject request).",
    footer = {
      "",
      "Every command takes --json: stdout then carries only JSON lines, stderr JSON objects"
          + " (progress, notices, the error with its exit code)."
    },
    subcommands = {
      DltCommand.class,
      TimelineCommand.class,
      ResumeCommand.class,
      EraseCommand.class
    })
public final class OpsCommand {}
