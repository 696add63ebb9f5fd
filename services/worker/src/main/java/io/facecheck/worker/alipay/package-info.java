/**
 * One SDK client per configured Alipay app, the single outcome classification table, in-process
 * retries.
 */
package io.facecheck.worker.alipay;
