/** The trace context stored with an outbox row, so the relay's publish continues its trace. */
package io.facecheck.tracing.outbox;
