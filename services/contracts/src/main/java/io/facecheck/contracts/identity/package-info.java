/** Identity document numbers: the GB 11643 resident ID check digit rule and masking for logs. */
package io.facecheck.contracts.identity;
