package io.facecheck.intake.config;

import io.facecheck.intake.IntakeApplication;
import io.facecheck.servicedefaults.ServiceDefaults;

/**
 * The intake's defaults (intake-defaults.properties) beneath every other setting, even beneath the
 * properties a launcher such as the devstack passes to SpringApplicationBuilder; the same mechanism
 * as the worker's and the reconciler's.
 */
public class IntakeDefaults extends ServiceDefaults {

  static final String RESOURCE = "io/facecheck/intake/intake-defaults.properties";

  public IntakeDefaults() {
    super(IntakeApplication.class, RESOURCE);
  }
}
