package io.facecheck.simulator;

import java.util.Set;

/** The gateway methods the simulator serves. */
public final class GatewayMethods {
  public static final String INITIALIZE = "alipay.user.certify.open.initialize";
  public static final String QUERY = "alipay.user.certify.open.query";

  /** The page-jump method: a browser opens it, it renders the face-scan page. */
  public static final String CERTIFY = "alipay.user.certify.open.certify";

  public static final Set<String> ALL = Set.of(INITIALIZE, QUERY, CERTIFY);

  private GatewayMethods() {}
}
