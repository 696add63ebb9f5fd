package io.facecheck.intake;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.PropertySource;

/**
 * The intake service. Scans only io.facecheck.intake, and keeps its fixed settings in a uniquely
 * named properties file, so the devstack can start it in-process beside the other services.
 */
@SpringBootApplication
@PropertySource("classpath:facecheck-intake.properties")
public class IntakeApplication {

  /**
   * Defaults for {@code java -jar}: the dev stack's ports. Lowest precedence, so any property,
   * environment variable or argument wins; the devstack passes its own.
   */
  public static final Map<String, Object> DEFAULTS =
      Map.of(
          "server.port", "8080",
          "spring.kafka.bootstrap-servers", "localhost:9092",
          "spring.datasource.url", "jdbc:postgresql://localhost:55432/facecheck",
          "spring.datasource.username", "facecheck",
          "spring.datasource.password", "facecheck",
          // the producer's INFO lines (configs on every start) drown the service's own
          "logging.level.org.apache.kafka", "WARN");

  public static void main(String[] args) {
    new SpringApplicationBuilder(IntakeApplication.class).properties(DEFAULTS).run(args);
  }
}
