/**
 * The chaos run's verdict, computed only from what the run left behind (Kafka, PostgreSQL, the
 * simulator's records, the logs), never from the services' own counters. Pure: the evidence goes
 * in, the figures come out, so each one can be tested on made-up evidence.
 */
package io.facecheck.devstack.chaos.verdict;
