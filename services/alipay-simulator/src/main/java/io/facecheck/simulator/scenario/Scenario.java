package io.facecheck.simulator.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the simulated Alipay behaves: latency, per-method faults ({@code "*"} is every method),
 * outage windows, the automatic user, and the seed that makes every draw repeat.
 *
 * @param timeoutHangMs how long a timeout fault holds its response; -1 holds it until the client
 *     gives up and closes; default 20000, beyond the SDK's 15 s read timeout
 */
public record Scenario(
    long seed,
    Latency latency,
    Map<String, MethodFaults> faults,
    Long timeoutHangMs,
    List<Outage> outages,
    UserBehaviour autoUser) {

  public static final long DEFAULT_TIMEOUT_HANG_MS = 20_000;
  public static final String ANY_METHOD = "*";

  public Scenario {
    latency = latency == null ? Latency.none() : latency;
    faults = faults == null ? Map.of() : Map.copyOf(faults);
    timeoutHangMs = timeoutHangMs == null ? DEFAULT_TIMEOUT_HANG_MS : timeoutHangMs;
    outages = outages == null ? List.of() : List.copyOf(outages);
    autoUser = autoUser == null ? UserBehaviour.off() : autoUser;
    if (timeoutHangMs != -1 && timeoutHangMs < 1) {
      throw new IllegalArgumentException("timeout_hang_ms must be positive, or -1 for never");
    }
    for (String method : faults.keySet()) {
      if (!ANY_METHOD.equals(method) && !GatewayMethods.ALL.contains(method)) {
        throw new IllegalArgumentException("faults: unknown method " + method);
      }
    }
  }

  /** A well-behaved Alipay: no latency, no faults, no automatic user. */
  public static Scenario none() {
    return new Scenario(0, null, null, null, null, null);
  }

  public Scenario withSeed(long newSeed) {
    return new Scenario(newSeed, latency, faults, timeoutHangMs, outages, autoUser);
  }

  public Scenario withLatency(Latency newLatency) {
    return new Scenario(seed, newLatency, faults, timeoutHangMs, outages, autoUser);
  }

  /** Sets the faults of one method, or of every method with {@link #ANY_METHOD}. */
  public Scenario withFaults(String method, MethodFaults methodFaults) {
    Map<String, MethodFaults> merged = new LinkedHashMap<>(faults);
    merged.put(method, methodFaults);
    return new Scenario(seed, latency, merged, timeoutHangMs, outages, autoUser);
  }

  public Scenario withTimeoutHangMs(long hangMs) {
    return new Scenario(seed, latency, faults, hangMs, outages, autoUser);
  }

  public Scenario withOutage(Outage outage) {
    List<Outage> more = Stream.concat(outages.stream(), Stream.of(outage)).toList();
    return new Scenario(seed, latency, faults, timeoutHangMs, more, autoUser);
  }

  public Scenario withAutoUser(UserBehaviour newAutoUser) {
    return new Scenario(seed, latency, faults, timeoutHangMs, outages, newAutoUser);
  }

  /** The faults that apply to a method: its own entry, else the "*" entry, else none. */
  public MethodFaults faultsFor(String method) {
    MethodFaults own = faults.get(method);
    if (own != null) {
      return own;
    }
    return faults.getOrDefault(ANY_METHOD, MethodFaults.none());
  }
}
