/** A real PostgreSQL and a real Kafka broker for tests, shared by every test class of a JVM. */
package io.facecheck.testinfra;
