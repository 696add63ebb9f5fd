/** The verification-queries listener and the verification-query-results publisher. */
package io.facecheck.worker.query.kafka;
