package io.facecheck.worker.config;

import io.facecheck.servicedefaults.ServiceDefaults;
import io.facecheck.worker.WorkerApplication;

/**
 * The worker's defaults (worker-defaults.properties) beneath every other setting, even beneath the
 * properties a launcher passes to SpringApplicationBuilder; early enough for the logging levels
 * that keep the Alipay SDK's call logs off.
 */
public class WorkerDefaults extends ServiceDefaults {

  static final String RESOURCE = "io/facecheck/worker/worker-defaults.properties";

  public WorkerDefaults() {
    super(WorkerApplication.class, RESOURCE);
  }
}
