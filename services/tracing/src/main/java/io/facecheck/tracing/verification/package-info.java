/**
 * The trace a verification was created in, stored with its row, so later work about it (the user's
 * return, ladder queries) continues that one trace.
 */
package io.facecheck.tracing.verification;
