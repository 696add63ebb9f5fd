/** The real infrastructure the dev stack runs: a KRaft Kafka broker and PostgreSQL. */
package io.facecheck.devstack.infra;
