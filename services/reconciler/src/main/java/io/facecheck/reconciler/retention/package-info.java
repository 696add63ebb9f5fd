/** The retention purge: identities erased, outbox and timelines deleted on schedule, one leader. */
package io.facecheck.reconciler.retention;
