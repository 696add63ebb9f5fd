/**
 * The worker: the only service that calls Alipay; turns requests into certify URLs and answers
 * queries.
 */
package io.facecheck.worker;
