/** Batch listening on Kafka: commit what is finished, hand back the rest, classify failures. */
package io.facecheck.worker.dispatch.kafka;
