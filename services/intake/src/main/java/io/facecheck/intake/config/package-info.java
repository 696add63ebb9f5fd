/** Typed settings and the explicit bean wiring of the intake. */
package io.facecheck.intake.config;
