/** Read-only scans of the verifications table for the ladder (all writes go through the store). */
package io.facecheck.reconciler.ladder.jdbc;
