/** Reads dead-letter topics without a consumer group and publishes replays. */
package io.facecheck.ops.deadletter.kafka;
