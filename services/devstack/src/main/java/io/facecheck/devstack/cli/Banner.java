package io.facecheck.devstack.cli;

import io.facecheck.devstack.stack.Secrets;
import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import java.nio.file.Path;

/** What the commands print once the stack is up: where everything is and how to use it. */
final class Banner {

  private Banner() {}

  static String up(Stack stack) {
    StackSettings s = stack.settings();
    Secrets secrets = stack.secrets();
    return """

        facecheck dev stack is up (Ctrl-C stops it)
          Kafka              %s
          PostgreSQL         %s (user facecheck, password facecheck)
          Alipay simulator   %s  (admin API: /sim/scenario, /sim/stats)
          intake             %s
          worker             http://localhost:%d/actuator/health
          reconciler         http://localhost:%d/actuator/health (%d instance(s))
          demo client        %s, bearer token %s

        Metrics (Prometheus text format; docs/metrics.md lists every series):
        %s

        Try:
          curl -i -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' \\
            %s/v1/verifications -d '{"schema_version":1,"request_id":"try-1","client_id":"%s",\
        "biz_code":"FACE","identity":{"cert_name":"张三","cert_no":"11010519491231002X"},\
        "return_url":"http://localhost/done"}'
        """
        .formatted(
            stack.bootstrapServers(),
            stack.jdbcUrl(),
            stack.simulator().baseUrl(),
            stack.intakeUrl(),
            s.workerPort(),
            s.reconcilerPort(),
            s.reconcilers(),
            secrets.clientId(),
            secrets.clientToken(),
            metrics(s),
            secrets.clientToken(),
            stack.intakeUrl(),
            secrets.clientId());
  }

  /** Where each service's /actuator/prometheus is, one line per service instance. */
  static String metrics(StackSettings s) {
    StringBuilder lines = new StringBuilder();
    line(lines, "intake", s.intakePort());
    line(lines, "worker", s.workerPort());
    for (int i = 0; i < s.reconcilers(); i++) {
      line(lines, "reconciler " + (i + 1), s.reconcilerPort(i));
    }
    return lines.toString().stripTrailing();
  }

  private static void line(StringBuilder lines, String service, int port) {
    lines.append("  %-18s http://localhost:%d/actuator/prometheus%n".formatted(service, port));
  }

  static String infra(Stack stack, Path envFile, String exports) {
    return """

        facecheck infrastructure is up (Ctrl-C stops it)
          Kafka              %s
          PostgreSQL         %s (user facecheck, password facecheck)
          Alipay simulator   %s

        Settings for the services (also in %s):
        %s
        Then, for example:
          set -a; . %s; set +a
          java -jar services/worker/target/facecheck-worker.jar
          java -jar services/reconciler/target/facecheck-reconciler.jar
          java -jar services/intake/target/facecheck-intake.jar
        """
        .formatted(
            stack.bootstrapServers(),
            stack.jdbcUrl(),
            stack.simulator().baseUrl(),
            envFile,
            exports,
            envFile);
  }
}
