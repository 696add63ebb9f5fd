/** Retry topics on Kafka: the publisher, the due-time-aware consumers, pausing during outages. */
package io.facecheck.worker.retry.kafka;
