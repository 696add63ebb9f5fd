/** Kafka producer side of the intake: one shared idempotent producer, acks=all. */
package io.facecheck.intake.kafka;
