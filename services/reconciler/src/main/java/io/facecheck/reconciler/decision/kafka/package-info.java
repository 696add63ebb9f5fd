/** The verification-query-results listener. */
package io.facecheck.reconciler.decision.kafka;
