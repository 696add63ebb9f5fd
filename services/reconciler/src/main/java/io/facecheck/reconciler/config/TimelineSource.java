package io.facecheck.reconciler.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who the reconciler signs its timeline entries as, e.g. {@code reconciler@host-1}. */
public record TimelineSource(String name) {

  static TimelineSource of(String service) {
    return new TimelineSource(service.contains("@") ? service : service + "@" + hostName());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
