/** Queries published to verification-queries, keyed by verification_id. */
package io.facecheck.reconciler.query.kafka;
