/**
 * Public-key certificate mode (公钥证书模式): the simulator's own root CA, the app certificates it
 * issues, the Alipay certificates it signs responses with, and the serial-number (SN) rules the
 * Alipay SDK applies to all three.
 */
package io.facecheck.simulator.certificates;
