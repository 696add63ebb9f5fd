/** The look-up over the state machine's JDBC store, translating outages into the intake's terms. */
package io.facecheck.intake.lookup.jdbc;
