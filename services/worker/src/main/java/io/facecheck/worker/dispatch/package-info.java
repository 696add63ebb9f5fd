/**
 * Running the records of a polled batch concurrently on a bounded pool, committing only when all
 * are done.
 */
package io.facecheck.worker.dispatch;
