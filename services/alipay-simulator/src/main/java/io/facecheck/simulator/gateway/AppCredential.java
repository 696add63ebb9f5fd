package io.facecheck.simulator.gateway;

import java.security.PublicKey;
import java.security.cert.X509Certificate;

/**
 * One public key an app signs with; in certificate mode also the app certificate the simulator
 * issued for it and that certificate's SN (the app_cert_sn requests must carry).
 */
public record AppCredential(PublicKey publicKey, X509Certificate certificate, String certSn) {}
