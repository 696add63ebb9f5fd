/**
 * Starting a verification: parse, deduplicate, record intent, call Alipay initialize, issue the
 * certify URL.
 */
package io.facecheck.worker.initiation;
