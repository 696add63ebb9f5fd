/** Consumed records: reading their payloads strictly, and saying which record of a batch failed. */
package io.facecheck.reconciler.inbound;
