package io.facecheck.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What every {@code bench --json} file must hold: each figure the issue names, numbers finite and
 * positive where work was done, and counts that agree with each other. Never a timing threshold.
 */
final class BenchJson {

  private static final List<String> GROUPS = List.of("facecheck", "kafka", "postgres", "simulator");

  private BenchJson() {}

  static void assertWellFormed(JsonNode j) {
    int requests = j.get("requests").asInt();
    assertThat(requests).isPositive();
    assertThat(j.get("complete").asBoolean()).isTrue();
    positive(j, "certify_urls_per_s");
    positive(j, "decided_per_s");
    assertThat(j.has("alipay_latency_ms")).isTrue();
    assertThat(j.get("alipay_latency_ms").asLong()).isNotNegative();
    assertThat(j.has("rate")).isTrue();
    if (!j.get("rate").isNull()) {
      positive(j, "rate");
    }

    JsonNode finals = j.get("finals");
    int finalTotal = 0;
    for (String status : List.of("PASSED", "FAILED", "EXPIRED", "REJECTED")) {
      finalTotal += finals.get(status).asInt();
    }
    assertThat(finalTotal).as("every measured request final, once").isEqualTo(requests);
    assertThat(j.get("certify_urls").asInt()).isEqualTo(requests);
    assertThat(j.get("decided").asInt())
        .isEqualTo(finals.get("PASSED").asInt() + finals.get("FAILED").asInt())
        .isPositive();

    JsonNode toUrl = j.get("request_to_certify_url_ms");
    assertThat(toUrl.get("count").asInt()).isEqualTo(requests);
    long p50 = toUrl.get("p50").asLong();
    long p95 = toUrl.get("p95").asLong();
    long p99 = toUrl.get("p99").asLong();
    long max = toUrl.get("max").asLong();
    assertThat(p50).isNotNegative();
    assertThat(p95).isGreaterThanOrEqualTo(p50);
    assertThat(p99).isGreaterThanOrEqualTo(p95);
    assertThat(max).isGreaterThanOrEqualTo(p99).isPositive();
    assertThat(j.get("request_to_decided_ms").get("count").asInt())
        .isEqualTo(j.get("decided").asInt());

    JsonNode cpu = j.get("cpu_ms_per_verification");
    double box = 0;
    for (String group : GROUPS) {
      positive(cpu, group);
      box += cpu.get(group).asDouble();
    }
    assertThat(cpu.get("box").asDouble()).isCloseTo(box, org.assertj.core.data.Offset.offset(0.05));
    JsonNode perProcess = cpu.get("per_process");
    for (String name :
        List.of("worker-1", "reconciler-1", "intake", "kafka", "postgres", "simulator")) {
      assertThat(perProcess.get(name).asDouble()).as(name).isPositive();
    }
    JsonNode net = j.get("cpu_ms_per_verification_net_of_idle");
    for (String group : GROUPS) {
      double value = net.get(group).asDouble();
      assertThat(Double.isFinite(value) && value >= 0).as(group + " net of idle").isTrue();
      assertThat(value).isLessThanOrEqualTo(cpu.get(group).asDouble());
    }
    JsonNode jit = j.get("jit_cpu_ms_per_verification");
    JsonNode steady = j.get("cpu_ms_per_verification_steady");
    // the services are young JVMs in a short run: their compilers are still at work
    assertThat(jit.get("facecheck").asDouble()).isPositive();
    for (String group : GROUPS) {
      assertThat(jit.get(group).asDouble()).as(group + " JIT").isNotNegative();
      assertThat(steady.get(group).asDouble())
          .as(group + " steady")
          .isNotNegative()
          .isLessThanOrEqualTo(cpu.get(group).asDouble() - jit.get(group).asDouble() + 0.01);
      assertThat(j.get("idle_cpu_without_jit_ms_per_s").get(group).asDouble())
          .isNotNegative()
          .isLessThanOrEqualTo(j.get("idle_cpu_ms_per_s").get(group).asDouble() + 0.01);
    }
    // a verification is several transactions and statements in the worker and the reconciler
    // (a single-statement change is its own transaction, so neither count bounds the other)
    assertThat(j.get("postgres_transactions_per_verification").asDouble()).isGreaterThan(2);
    assertThat(j.get("postgres_statements_per_verification").asDouble()).isGreaterThan(2);
    positive(j, "measured_window_s");
    positive(j, "machine_cpu_utilisation_percent");
    for (String group : GROUPS) {
      assertThat(j.get("idle_cpu_ms_per_s").get(group).asDouble()).isNotNegative();
    }

    JsonNode machine = j.get("machine");
    assertThat(machine.get("cores").asInt()).isPositive();
    JsonNode load = machine.get("load_average");
    for (String when : List.of("before", "at_measure_start", "after")) {
      assertThat(load.get(when).size()).as("load average " + when).isEqualTo(3);
    }
    assertThat(j.get("jvm").get("version").asString()).isNotBlank();
    assertThat(j.get("jvm").get("options").get("services").isArray()).isTrue();
    assertThat(j.get("summary").asString()).startsWith("bench");
  }

  private static void positive(JsonNode parent, String field) {
    assertThat(parent.has(field)).as(field + " present").isTrue();
    assertThat(parent.get(field).isNumber()).as(field + " a number").isTrue();
    double value = parent.get(field).asDouble();
    assertThat(Double.isFinite(value)).as(field + " finite").isTrue();
    assertThat(value).as(field).isPositive();
  }
}
