/**
 * The benchmark: the pipeline with every process on its own (Kafka, PostgreSQL, the simulator with
 * its users, intake, workers, reconcilers), open- or closed-loop arrivals, and CPU per process.
 */
package io.facecheck.devstack.bench;
