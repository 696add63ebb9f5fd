/**
 * Runs a batch listener's records through a reader and a handler, naming the record that failed.
 */
package io.facecheck.reconciler.inbound.kafka;
