/** What a client may see of its own verification. */
package io.facecheck.intake.status;
