package io.facecheck.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The intake service. Scans only io.facecheck.intake, and keeps its default settings in a uniquely
 * named file ({@code config.IntakeDefaults}), so the devstack can start it in-process beside the
 * other services.
 */
@SpringBootApplication
public class IntakeApplication {

  public static void main(String[] args) {
    SpringApplication.run(IntakeApplication.class, args);
  }
}
