package io.facecheck.reconciler.config;

import io.facecheck.reconciler.ReconcilerApplication;
import io.facecheck.servicedefaults.ServiceDefaults;

/**
 * The reconciler's defaults (reconciler-defaults.properties), beneath every other setting, even
 * beneath the properties a launcher such as the devstack passes to SpringApplicationBuilder.
 */
public class ReconcilerDefaults extends ServiceDefaults {

  static final String RESOURCE = "io/facecheck/reconciler/reconciler-defaults.properties";

  public ReconcilerDefaults() {
    super(ReconcilerApplication.class, RESOURCE);
  }
}
