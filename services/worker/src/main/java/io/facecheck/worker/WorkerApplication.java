package io.facecheck.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Scans only io.facecheck.worker, and keeps its default settings in a uniquely named file ({@code
 * config.WorkerDefaults}), so the devstack can run it beside the other services.
 */
@SpringBootApplication
public class WorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkerApplication.class, args);
  }
}
