package io.facecheck.devstack.demo;

import io.facecheck.contracts.result.ResultStatus;

/** The one line the demo keeps rewriting (with a carriage return) while it runs. */
public final class ProgressLine {

  private ProgressLine() {}

  public static String render(Tally tally, int requests, double elapsedSeconds) {
    double rate = elapsedSeconds > 0 ? tally.finalTotal() / elapsedSeconds : 0;
    return "\rrequested %,d/%,d | certify URLs %,d | final %,d (PASSED %,d FAILED %,d EXPIRED %,d REJECTED %,d) | %,.1f final/s | %.0f s   "
        .formatted(
            tally.sent(),
            requests,
            tally.certifyUrls(),
            tally.finalTotal(),
            tally.finals(ResultStatus.PASSED),
            tally.finals(ResultStatus.FAILED),
            tally.finals(ResultStatus.EXPIRED),
            tally.finals(ResultStatus.REJECTED),
            rate,
            elapsedSeconds);
  }
}
