/** The reconciler's own meters: decisions, late results, ladder and outbox backlogs, the relay. */
package io.facecheck.reconciler.metrics;
