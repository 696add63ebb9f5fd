package io.facecheck.devstack.bench;

import io.facecheck.contracts.result.ResultStatus;
import io.facecheck.devstack.demo.Percentiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A run's figures as JSON (snake_case, one object), as a printed table, and as one line. */
final class BenchReport {

  /** What else the report records beside the figures. */
  record Context(
      BenchSettings settings,
      String startedAt,
      boolean complete,
      double maxSendLagMillis,
      Map<String, Double> idleCpuPerSecond,
      Map<String, Double> idleCpuWithoutJitPerSecond,
      List<Double> loadBefore,
      List<Double> loadAtMeasureStart,
      List<Double> loadAfter,
      Map<String, Object> machine,
      Map<String, Object> jdk,
      String gitCommit,
      Map<String, Object> simulatorStats,
      PostgresWork postgres) {}

  private BenchReport() {}

  static Map<String, Object> json(BenchFigures f, CpuAttribution cpu, Context c) {
    BenchSettings s = c.settings();
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("label", s.label());
    j.put("started_at", c.startedAt());
    j.put("command", s.command());
    j.put("git_commit", c.gitCommit());
    j.put("complete", c.complete());
    j.put("requests", f.requests());
    j.put("warmup_requests", s.warmupRequests());
    j.put("arrivals", s.openLoop() ? "open-loop" : "burst");
    j.put("rate", s.openLoop() ? s.rate() : null);
    j.put("alipay_latency_ms", s.alipayLatencyMs());
    j.put("certify_urls", f.certifyUrls());
    j.put("certify_urls_per_s", round(f.certifyUrlsPerSecond(), 2));
    j.put("decided", f.decided());
    j.put("decided_per_s", round(f.decidedPerSecond(), 2));
    Map<String, Integer> finals = new LinkedHashMap<>();
    f.finals().forEach((status, n) -> finals.put(status.name(), n));
    j.put("finals", finals);
    j.put("request_to_certify_url_ms", percentiles(f.toCertifyUrl()));
    j.put(
        "request_to_certify_url_p99_minus_alipay_latency_ms",
        f.toCertifyUrl().p99() - s.alipayLatencyMs());
    j.put("request_to_decided_ms", percentiles(f.toDecided()));
    j.put("request_to_final_ms", percentiles(f.toFinal()));
    j.put("max_send_lag_ms", round(c.maxSendLagMillis(), 1));
    j.put("measured_window_s", round(cpu.windowSeconds(), 2));
    Map<String, Object> perVerification = new LinkedHashMap<>();
    cpu.perVerificationByGroup().forEach((group, ms) -> perVerification.put(group, round(ms, 2)));
    Map<String, Object> perService = new LinkedHashMap<>();
    cpu.perVerificationByProcess().forEach((name, ms) -> perService.put(name, round(ms, 2)));
    perVerification.put("per_process", perService);
    j.put("cpu_ms_per_verification", perVerification);
    Map<String, Object> net = new LinkedHashMap<>();
    cpu.perVerificationNetOfIdle(c.idleCpuPerSecond(), f.requests())
        .forEach((group, ms) -> net.put(group, round(ms, 2)));
    j.put("cpu_ms_per_verification_net_of_idle", net);
    j.put("jit_cpu_ms_per_verification", rounded(cpu.jitPerVerificationByGroup()));
    j.put(
        "cpu_ms_per_verification_steady",
        rounded(cpu.perVerificationSteady(c.idleCpuWithoutJitPerSecond(), f.requests())));
    j.put(
        "postgres_transactions_per_verification",
        round((double) c.postgres().transactions() / f.requests(), 2));
    j.put(
        "postgres_statements_per_verification",
        round((double) c.postgres().statements() / f.requests(), 2));
    j.put("cpu_ms", cpu.millisByProcess());
    j.put("machine_cpu_utilisation_percent", round(cpu.machineUtilisationPercent(), 1));
    Map<String, Object> idle = new LinkedHashMap<>();
    c.idleCpuPerSecond().forEach((group, ms) -> idle.put(group, round(ms, 2)));
    j.put("idle_cpu_ms_per_s", idle);
    j.put("idle_cpu_without_jit_ms_per_s", rounded(c.idleCpuWithoutJitPerSecond()));
    Map<String, Object> machine = new LinkedHashMap<>(c.machine());
    Map<String, Object> load = new LinkedHashMap<>();
    load.put("before", c.loadBefore());
    load.put("at_measure_start", c.loadAtMeasureStart());
    load.put("after", c.loadAfter());
    machine.put("load_average", load);
    j.put("machine", machine);
    Map<String, Object> jvm = new LinkedHashMap<>(c.jdk());
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("services", s.jvms().services());
    options.put("simulator", s.jvms().simulator());
    options.put("kafka", s.jvms().kafka());
    jvm.put("options", options);
    j.put("jvm", jvm);
    j.put("settings", settings(s));
    j.put("simulator_stats", c.simulatorStats());
    j.put("summary", summary(f, cpu, c));
    return j;
  }

  private static Map<String, Object> settings(BenchSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("partitions", s.stack().partitions());
    m.put("workers", s.workers());
    m.put("reconcilers", s.stack().reconcilers());
    m.put("worker_max_in_flight", s.stack().workerMaxInFlight());
    m.put("alipay_mode", s.stack().alipay().toString());
    m.put("ttl_seconds", s.ttlSeconds());
    m.put("seed", s.seed());
    m.put("log_level", s.logLevel());
    m.put("ladder", s.stack().ladder().stream().map(Object::toString).toList());
    var u = s.measuredScenario().autoUser();
    Map<String, Object> users = new LinkedHashMap<>();
    users.put("delay_ms", u.delayMs());
    users.put("delay_jitter_ms", u.delayJitterMs());
    users.put("pass_rate_among_finishers", u.passRate());
    users.put("abandon_rate", u.abandonRate());
    m.put("users", users);
    m.put("set", s.stack().extraProperties());
    m.put("idle_seconds", s.idle().toSeconds());
    return m;
  }

  /** The one line a run ends with. */
  static String summary(BenchFigures f, CpuAttribution cpu, Context c) {
    BenchSettings s = c.settings();
    Map<String, Double> g = cpu.perVerificationByGroup();
    String label = s.label() == null ? "" : " [" + s.label() + "]";
    return String.format(
        Locale.ROOT,
        "bench%s: %,d requests %s, Alipay %d ms: %.1f certify URLs/s, %.1f decided/s;"
            + " request->certify URL p50 %d p95 %d p99 %d max %d ms; CPU per verification"
            + " facecheck %.1f + kafka %.1f + postgres %.1f + simulator %.1f = %.1f ms"
            + " (%.1f net of idle; %.1f steady, less JIT and idle); load %s -> %s%s",
        label,
        f.requests(),
        s.openLoop() ? String.format(Locale.ROOT, "at %.1f/s", s.rate()) : "at once",
        s.alipayLatencyMs(),
        f.certifyUrlsPerSecond(),
        f.decidedPerSecond(),
        f.toCertifyUrl().p50(),
        f.toCertifyUrl().p95(),
        f.toCertifyUrl().p99(),
        f.toCertifyUrl().max(),
        g.get(MeasuredProcess.FACECHECK),
        g.get(MeasuredProcess.KAFKA),
        g.get(MeasuredProcess.POSTGRES),
        g.get(MeasuredProcess.SIMULATOR),
        g.get(CpuAttribution.BOX),
        cpu.perVerificationNetOfIdle(c.idleCpuPerSecond(), f.requests()).get(CpuAttribution.BOX),
        cpu.perVerificationSteady(c.idleCpuWithoutJitPerSecond(), f.requests())
            .get(CpuAttribution.BOX),
        first(c.loadBefore()),
        first(c.loadAfter()),
        c.complete() ? "" : " (INCOMPLETE: not every request final in time)");
  }

  /** The human-readable table printed before the summary line. */
  static String table(BenchFigures f, CpuAttribution cpu, Context c) {
    StringBuilder out = new StringBuilder();
    out.append("Figures (measured requests only)\n");
    out.append(line("requests", "%,d".formatted(f.requests())));
    out.append(line("certify URLs", "%,d".formatted(f.certifyUrls())));
    for (Map.Entry<ResultStatus, Integer> e : f.finals().entrySet()) {
      out.append(line("  " + e.getKey(), "%,d".formatted(e.getValue())));
    }
    out.append(line("certify URLs/s", "%.1f".formatted(f.certifyUrlsPerSecond())));
    out.append(line("decided/s", "%.1f".formatted(f.decidedPerSecond())));
    out.append(line("request -> certify URL", f.toCertifyUrl().toString()));
    out.append(line("request -> decided", f.toDecided().toString()));
    out.append(line("max send lag", "%.1f ms".formatted(c.maxSendLagMillis())));
    out.append(
        line(
            "measured window",
            "%.1f s, machine %.0f %% busy"
                .formatted(cpu.windowSeconds(), cpu.machineUtilisationPercent())));
    out.append(
        line(
            "PostgreSQL per verification",
            "%.1f transactions, %.1f statements"
                .formatted(
                    (double) c.postgres().transactions() / f.requests(),
                    (double) c.postgres().statements() / f.requests())));
    out.append("CPU per verification (ms)\n");
    cpu.perVerificationByGroup()
        .forEach((group, ms) -> out.append(line("  " + group, "%.2f".formatted(ms))));
    cpu.perVerificationByProcess()
        .forEach((name, ms) -> out.append(line("    " + name, "%.2f".formatted(ms))));
    out.append("Idle CPU after measuring (ms/s)\n");
    c.idleCpuPerSecond()
        .forEach((group, ms) -> out.append(line("  " + group, "%.1f".formatted(ms))));
    out.append("CPU per verification net of idle (ms)\n");
    cpu.perVerificationNetOfIdle(c.idleCpuPerSecond(), f.requests())
        .forEach((group, ms) -> out.append(line("  " + group, "%.2f".formatted(ms))));
    out.append("JIT compilation per verification (ms), a warm-up cost\n");
    cpu.jitPerVerificationByGroup()
        .forEach((group, ms) -> out.append(line("  " + group, "%.2f".formatted(ms))));
    out.append("CPU per verification steady: less JIT, less idle (ms)\n");
    cpu.perVerificationSteady(c.idleCpuWithoutJitPerSecond(), f.requests())
        .forEach((group, ms) -> out.append(line("  " + group, "%.2f".formatted(ms))));
    return out.toString();
  }

  private static String line(String name, String value) {
    return String.format(Locale.ROOT, "  %-26s %s%n", name, value);
  }

  private static Map<String, Object> rounded(Map<String, Double> values) {
    Map<String, Object> m = new LinkedHashMap<>();
    values.forEach((key, value) -> m.put(key, round(value, 2)));
    return m;
  }

  private static Map<String, Object> percentiles(Percentiles p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", p.count());
    m.put("p50", p.p50());
    m.put("p95", p.p95());
    m.put("p99", p.p99());
    m.put("max", p.max());
    return m;
  }

  private static String first(List<Double> load) {
    return load.isEmpty() ? "?" : String.format(Locale.ROOT, "%.2f", load.get(0));
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
