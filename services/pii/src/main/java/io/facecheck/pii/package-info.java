/** Encryption of PII (cert_name, cert_no) at rest with AES-256-GCM under rotating, named keys. */
package io.facecheck.pii;
