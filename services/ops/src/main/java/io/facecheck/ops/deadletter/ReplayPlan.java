package io.facecheck.ops.deadletter;

import io.facecheck.statemachine.Verification;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, per dead letter, whether a replay publishes it. A replay publishes the record back to
 * the topic it was first consumed from; it is skipped when there is no such topic in its headers,
 * when its verification is final (the worker would change nothing), or when a later dead letter of
 * the same verification (or the same bytes) is replayed in the same run.
 */
public final class ReplayPlan {

  /** A dead letter and the verification it concerns, if one was found. */
  public record Candidate(DeadLetterRecord record, Optional<Verification> verification) {}

  /** One decision: {@code skipped} is null when the record is to be published. */
  public record Step(Candidate candidate, String targetTopic, String skipped) {

    public boolean publishes() {
      return skipped == null;
    }
  }

  private ReplayPlan() {}

  /** Steps in the order of {@code candidates}. */
  public static List<Step> of(List<Candidate> candidates) {
    Map<String, Integer> latest = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      String identity = sameness(candidates.get(i));
      Integer seen = latest.get(identity);
      if (seen == null || isLater(candidates.get(i), candidates.get(seen))) {
        latest.put(identity, i);
      }
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate candidate = candidates.get(i);
      Candidate kept = candidates.get(latest.get(sameness(candidate)));
      steps.add(decide(candidate, kept == candidate ? null : kept));
    }
    return steps;
  }

  private static Step decide(Candidate candidate, Candidate replayedInstead) {
    DeadLetterRecord record = candidate.record();
    Optional<String> target = record.originalTopic();
    if (target.isEmpty()) {
      return new Step(candidate, null, "no facecheck-original-topic header: nowhere to replay to");
    }
    if (target.get().equals(record.topic())) {
      return new Step(candidate, null, "its original topic is the dead-letter topic itself");
    }
    Optional<Verification> verification = candidate.verification();
    if (verification.isPresent() && verification.get().status().isFinal()) {
      return new Step(
          candidate,
          target.get(),
          "verification "
              + verification.get().id()
              + " is already "
              + verification.get().status()
              + ": a replay would change nothing");
    }
    if (replayedInstead != null) {
      return new Step(
          candidate,
          target.get(),
          "a later dead letter of the same "
              + (verification.isPresent() ? "verification" : "record")
              + " is replayed instead ("
              + replayedInstead.record().coordinates()
              + ")");
    }
    return new Step(candidate, target.get(), null);
  }

  /** Same verification when known, else the same original topic, key and value. */
  private static String sameness(Candidate candidate) {
    if (candidate.verification().isPresent()) {
      return "verification:" + candidate.verification().get().id();
    }
    DeadLetterRecord record = candidate.record();
    return "bytes:"
        + record.originalTopic().orElse("")
        + ":"
        + digest(record.key(), record.value());
  }

  private static boolean isLater(Candidate a, Candidate b) {
    int byTime = a.record().timestamp().compareTo(b.record().timestamp());
    if (byTime != 0) {
      return byTime > 0;
    }
    return a.record().offset() > b.record().offset();
  }

  private static String digest(byte[] key, byte[] value) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] k = key == null ? new byte[0] : key;
      sha.update(ByteBuffer.allocate(4).putInt(key == null ? -1 : k.length).array());
      sha.update(k);
      sha.update(value == null ? new byte[0] : value);
      return Base64.getEncoder().encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
