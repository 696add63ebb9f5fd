package io.facecheck.worker.alipay;

import java.time.Duration;

/**
 * How the SDK's okhttp client talks to the gateway. The SDK caches one okhttp client per host:port
 * for the whole JVM, so the first app created for a gateway fixes these for all.
 */
public record AlipayHttpSettings(
    Duration connectTimeout, Duration readTimeout, int maxIdleConnections, Duration keepAlive) {

  public AlipayHttpSettings {
    if (maxIdleConnections < 1) {
      // 0 would silently switch the SDK back to HttpURLConnection, which churns connections
      throw new IllegalArgumentException("maxIdleConnections must be at least 1");
    }
    if (keepAlive.toMillis() > 60_000) {
      throw new IllegalArgumentException("the SDK refuses a keep-alive above 60 s");
    }
  }
}
