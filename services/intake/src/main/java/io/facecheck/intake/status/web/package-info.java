/** HTTP face of the status look-up. */
package io.facecheck.intake.status.web;
