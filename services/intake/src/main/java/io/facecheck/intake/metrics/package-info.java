/** Intake's own meters: requests by outcome and reason, user returns by outcome. */
package io.facecheck.intake.metrics;
