/** The whole stack, end to end, on a real Kafka broker and a real PostgreSQL. */
package io.facecheck.devstack.e2e;
