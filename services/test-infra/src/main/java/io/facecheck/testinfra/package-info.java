/**
 * Real PostgreSQL and Kafka for tests, shared per JVM, and helpers around them (topic reads,
 * clocks).
 */
package io.facecheck.testinfra;
