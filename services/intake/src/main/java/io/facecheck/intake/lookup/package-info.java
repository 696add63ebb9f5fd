/** How the intake reads verifications, kept apart from the JDBC store behind it. */
package io.facecheck.intake.lookup;
