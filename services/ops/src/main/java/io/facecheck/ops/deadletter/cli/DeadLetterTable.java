package io.facecheck.ops.deadletter.cli;

import io.facecheck.ops.deadletter.DeadLetterRow;
import io.facecheck.ops.render.TextTable;
import java.util.List;

/** {@code dlt list}'s table. */
final class DeadLetterTable {

  private DeadLetterTable() {}

  static List<String> lines(List<DeadLetterRow> rows) {
    TextTable table =
        new TextTable(
            "DLT",
            "REASON",
            "ORIGINAL",
            "ATTEMPTS",
            "FIRST_FAILURE",
            "LAST_FAILURE",
            "KEY",
            "REQUEST",
            "BIZ_CODE",
            "VERIFICATION",
            "STATUS",
            "ERROR");
    for (DeadLetterRow row : rows) {
      table.row(
          row.dltTopic() + "/" + row.dltPartition() + "@" + row.dltOffset(),
          row.reason(),
          row.originalTopic() == null
              ? null
              : row.originalTopic() + "/" + row.originalPartition() + "@" + row.originalOffset(),
          row.attempts(),
          row.firstFailureAt(),
          row.lastFailureAt(),
          row.key(),
          row.clientId() == null && row.requestId() == null
              ? null
              : row.clientId() + ":" + row.requestId(),
          row.bizCode(),
          row.verificationId(),
          row.status(),
          row.errorMessage());
    }
    return table.lines();
  }
}
