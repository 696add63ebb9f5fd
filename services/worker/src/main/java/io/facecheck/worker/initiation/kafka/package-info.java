/** The verification-requests listener and its container configuration. */
package io.facecheck.worker.initiation.kafka;
