package io.facecheck.ops;

import io.facecheck.ops.deadletter.cli.DltCommand;
import io.facecheck.ops.erasure.EraseCommand;
import io.facecheck.ops.resume.ResumeCommand;
import io.facecheck.ops.timeline.TimelineCommand;
import picocli.CommandLine.Command;

/** The top of the command tree; it only groups. */
@Command(
    name = "facecheck-ops",
    mixinStandardHelpOptions = true,
    version = "facecheck-ops 0.1.0",
    description =
        "Inspect and replay facecheck dead letters; show a verification's timeline; resume a"
            + " parked verification; erase a verification's identity (data-subject request).",
    subcommands = {
      DltCommand.class,
      TimelineCommand.class,
      ResumeCommand.class,
      EraseCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:not found, or nothing to do",
      "2:usage error, or Kafka / PostgreSQL unreachable",
      "3:erase refused: the verification is still in flight"
    })
public final class OpsCommand {}
