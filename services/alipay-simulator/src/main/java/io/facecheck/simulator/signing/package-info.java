/**
 * RSA key material and the Alipay signing rules (string to sign, RSA and RSA2), with keys parsed
 * once.
 */
package io.facecheck.simulator.signing;
