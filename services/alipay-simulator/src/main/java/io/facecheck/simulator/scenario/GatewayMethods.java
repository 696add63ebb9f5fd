package io.facecheck.simulator.scenario;

import java.util.Set;

/** The gateway methods the simulator serves. */
public final class GatewayMethods {
  public static final String INITIALIZE = "alipay.user.certify.open.initialize";
  public static final String QUERY = "alipay.user.certify.open.query";

  /** The page-jump method: a browser opens it, it renders the face-scan page. */
  public static final String CERTIFY = "alipay.user.certify.open.certify";

  /**
   * What the SDK calls in certificate mode when a response names an Alipay certificate SN it does
   * not have: it downloads that certificate, checks it chains to the root, and keeps it.
   */
  public static final String ALIPAY_CERT_DOWNLOAD = "alipay.open.app.alipaycert.download";

  public static final Set<String> ALL = Set.of(INITIALIZE, QUERY, CERTIFY, ALIPAY_CERT_DOWNLOAD);

  private GatewayMethods() {}
}
