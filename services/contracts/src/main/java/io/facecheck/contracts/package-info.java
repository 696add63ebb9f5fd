/** The Kafka contract of facecheck: topic names, dead-letter headers and reason codes. */
package io.facecheck.contracts;
