/** Accepting verification requests over HTTP: validate, check idempotency, publish. */
package io.facecheck.intake.request;
