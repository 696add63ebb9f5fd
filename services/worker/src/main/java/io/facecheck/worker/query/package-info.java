/** Answering verification queries with Alipay's authoritative result. */
package io.facecheck.worker.query;
