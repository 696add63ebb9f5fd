/** Real PostgreSQL and Kafka for tests, shared per JVM, and whole-topic reads. */
package io.facecheck.testinfra;
