/** Dead-letter records with diagnostic headers and PII-masked messages. */
package io.facecheck.worker.deadletter;
