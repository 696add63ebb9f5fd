/** Query result to outcome: the decision table, applied by compare-and-set. */
package io.facecheck.reconciler.decision;
