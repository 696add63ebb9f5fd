/** The worker's own meters: Alipay calls, retries, dead letters, batches, consumer lag. */
package io.facecheck.worker.metrics;
