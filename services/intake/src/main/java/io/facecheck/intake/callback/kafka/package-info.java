/** Kafka adapter of the callback capability. */
package io.facecheck.intake.callback.kafka;
