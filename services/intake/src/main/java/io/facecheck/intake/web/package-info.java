/** HTTP error bodies shared by every endpoint of the intake. */
package io.facecheck.intake.web;
