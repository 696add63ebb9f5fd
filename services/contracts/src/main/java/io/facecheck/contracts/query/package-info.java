/** The verification-queries command and the verification-query-results answer. */
package io.facecheck.contracts.query;
