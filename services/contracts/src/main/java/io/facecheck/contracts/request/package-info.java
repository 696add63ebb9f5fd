/** The verification-requests payload: its record, and the parser consumers and intake share. */
package io.facecheck.contracts.request;
