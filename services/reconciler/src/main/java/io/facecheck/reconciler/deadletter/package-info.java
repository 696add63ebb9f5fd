/**
 * What a failed record deserves: a dead letter at once, a few retries, or a wait for PostgreSQL.
 */
package io.facecheck.reconciler.deadletter;
