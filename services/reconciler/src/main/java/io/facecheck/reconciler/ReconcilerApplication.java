package io.facecheck.reconciler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The reconciler: follows callbacks and the query ladder, decides PASSED / FAILED / EXPIRED, and
 * relays the outbox to verification-results. Scans only its own package, so the devstack can start
 * it beside the other services in one JVM.
 */
@SpringBootApplication
// defaults under a module-unique name: in the devstack's JVM every service's jar is on the
// classpath, and an application.properties of one would shadow the others'
@PropertySource("classpath:io/facecheck/reconciler/reconciler-defaults.properties")
public class ReconcilerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReconcilerApplication.class, args);
  }
}
