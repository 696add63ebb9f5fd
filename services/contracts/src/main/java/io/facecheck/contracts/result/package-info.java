/** The verification-results payload: events callers consume, never carrying PII. */
package io.facecheck.contracts.result;
