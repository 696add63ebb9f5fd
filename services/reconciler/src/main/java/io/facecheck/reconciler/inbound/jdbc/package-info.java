/** Reads the trace each verification was created in, for the reconciler's spans to continue. */
package io.facecheck.reconciler.inbound.jdbc;
