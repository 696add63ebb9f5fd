package io.facecheck.reconciler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The reconciler: follows callbacks and the query ladder, decides PASSED / FAILED / EXPIRED, and
 * relays the outbox to verification-results. Scans only its own package, so the devstack can start
 * it beside the other services in one JVM. Its defaults come from {@code
 * config.ReconcilerDefaults}, beneath any setting given.
 */
@SpringBootApplication
public class ReconcilerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReconcilerApplication.class, args);
  }
}
