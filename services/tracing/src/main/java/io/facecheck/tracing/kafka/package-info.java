/** A span per consumed record, its parent taken from the record's trace headers. */
package io.facecheck.tracing.kafka;
