/** Micrometer meters of status changes, shared by every service that changes a status. */
package io.facecheck.statemachine.metrics;
