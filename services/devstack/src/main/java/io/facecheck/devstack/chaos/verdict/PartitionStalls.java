package io.facecheck.devstack.chaos.verdict;

import io.facecheck.devstack.chaos.verdict.Evidence.OffsetSample;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The longest time any partition had work waiting (committed offset below the end) without its
 * consumer group committing further. Samples missing while the broker was down simply extend the
 * interval: a partition nobody could consume from made no progress. The resolution is the sampling
 * interval: a healthy busy partition shows about one interval.
 */
public final class PartitionStalls {

  private PartitionStalls() {}

  public static double maxStallSeconds(List<OffsetSample> samples) {
    record Track(long since, long committed) {}
    Map<String, Track> tracks = new HashMap<>();
    long max = 0;
    List<OffsetSample> ordered =
        samples.stream().sorted(Comparator.comparingLong(OffsetSample::atMs)).toList();
    for (OffsetSample s : ordered) {
      String id = s.group() + "/" + s.topic() + "-" + s.partition();
      Track track = tracks.get(id);
      boolean caughtUp = s.committed() >= s.end();
      if (track != null) {
        // until this sample the partition had work and had not moved past track.committed
        max = Math.max(max, s.atMs() - track.since());
      }
      if (caughtUp) {
        tracks.remove(id);
      } else if (track == null || s.committed() > track.committed()) {
        tracks.put(id, new Track(s.atMs(), s.committed()));
      }
    }
    return max / 1000.0;
  }
}
