/** The query ladder: bounded claims of due verifications, LADDER and FINAL queries, next steps. */
package io.facecheck.reconciler.ladder;
