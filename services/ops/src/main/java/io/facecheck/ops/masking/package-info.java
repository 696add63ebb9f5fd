/** Renders identities, free text and request JSON so that no cert_name or cert_no is shown. */
package io.facecheck.ops.masking;
