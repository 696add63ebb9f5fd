package io.facecheck.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The intake service. Scans only io.facecheck.intake, and takes its defaults from a uniquely named
 * properties file, so the devstack can start it in-process beside the other services.
 */
@SpringBootApplication
@PropertySource("classpath:facecheck-intake.properties")
public class IntakeApplication {

  public static void main(String[] args) {
    SpringApplication.run(IntakeApplication.class, args);
  }
}
