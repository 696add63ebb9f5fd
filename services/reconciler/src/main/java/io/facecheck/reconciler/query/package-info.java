/** Sending verification-queries to the worker, batched. */
package io.facecheck.reconciler.query;
