package io.facecheck.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Scans only io.facecheck.worker, and keeps its settings in uniquely named files (fixed ones here,
 * overridable defaults in {@code config.WorkerDefaults}), so the devstack can run it beside the
 * other services.
 */
@SpringBootApplication
@PropertySource("classpath:facecheck-worker.properties")
public class WorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkerApplication.class, args);
  }
}
