package io.facecheck.ops.deadletter;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Records in PostgreSQL that ops asked to resume the dead-lettered verifications a replay
 * publishes. The services resume a DEAD_LETTERED verification only when such a request exists for
 * its current version: a redelivered or forged record on a topic alone resumes nothing.
 */
public final class ReplayRequests {

  private final VerificationStore store;
  private final String source;

  public ReplayRequests(VerificationStore store, String source) {
    this.store = store;
    this.source = source;
  }

  /** Who asks, as the timeline names writers: {@code facecheck-ops@host}. */
  public static String source() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    String user = System.getProperty("user.name", "unknown");
    String name = "facecheck-ops@" + host + "/" + user;
    return name.length() > 256 ? name.substring(0, 256) : name;
  }

  /** Asks to resume the verification of every step that publishes and is dead-lettered. */
  public void request(List<ReplayPlan.Step> steps) {
    for (ReplayPlan.Step step : steps) {
      if (!step.publishes()) {
        continue;
      }
      step.candidate().verification().filter(ReplayRequests::parked).ifPresent(this::request);
    }
  }

  private void request(Verification verification) {
    store.requestReplay(verification.id(), verification.version(), source);
  }

  private static boolean parked(Verification verification) {
    return verification.status() == VerificationStatus.DEAD_LETTERED;
  }
}
