/** The outbox relay: verification-results in order, at least once, one active relay at a time. */
package io.facecheck.reconciler.relay;
