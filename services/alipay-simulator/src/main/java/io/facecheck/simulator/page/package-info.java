/**
 * The certify page that stands for Alipay's face scan: a plain form with pass and fail, no
 * JavaScript.
 */
package io.facecheck.simulator.page;
