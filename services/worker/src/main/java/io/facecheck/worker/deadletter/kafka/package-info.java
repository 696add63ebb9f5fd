/** Publishes dead letters to Kafka with the headers of contracts' DeadLetterHeaders. */
package io.facecheck.worker.deadletter.kafka;
