/** The purge's batches on the session that holds the purge lock (the status machine's SQL). */
package io.facecheck.reconciler.retention.jdbc;
