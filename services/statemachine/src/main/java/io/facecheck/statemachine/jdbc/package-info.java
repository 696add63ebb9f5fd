/** PostgreSQL persistence of the status machine: compare-and-set, the timeline and the outbox. */
package io.facecheck.statemachine.jdbc;
