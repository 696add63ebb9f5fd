package io.facecheck.statemachine;

import io.facecheck.contracts.request.CertType;
import io.facecheck.contracts.request.VerificationRequest;
import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.SealedValue;
import java.util.Objects;
import java.util.UUID;

/**
 * cert_name and cert_no sealed with AES-256-GCM under one key, each bound to its verification and
 * column (the context is the AAD), so a ciphertext copied elsewhere does not open. Nothing in
 * facecheck opens them: the worker calls Alipay with the plaintext of the record it consumed, and
 * the sealed copy is kept only for an audit by whoever holds the key, until erasure.
 */
public record SealedIdentity(CertType certType, SealedValue certName, SealedValue certNo) {

  public SealedIdentity {
    Objects.requireNonNull(certType, "certType");
    Objects.requireNonNull(certName, "certName");
    Objects.requireNonNull(certNo, "certNo");
    if (!certName.keyId().equals(certNo.keyId())) {
      throw new IllegalArgumentException("cert_name and cert_no are sealed under one key");
    }
  }

  /** The id of the key both values are sealed under (the pii_key_id column). */
  public String keyId() {
    return certName.keyId();
  }

  public static SealedIdentity seal(
      UUID verificationId, VerificationRequest.Identity identity, PiiCipher cipher) {
    SealedValue name = cipher.seal(identity.certName(), certNameContext(verificationId));
    SealedValue no = cipher.seal(identity.certNo(), certNoContext(verificationId));
    if (!name.keyId().equals(no.keyId())) {
      // the active key rotated between the two calls: seal both again under the new one
      name = cipher.seal(identity.certName(), certNameContext(verificationId));
    }
    return new SealedIdentity(identity.certType(), name, no);
  }

  public static String certNameContext(UUID verificationId) {
    return "verification:" + verificationId + ":cert_name";
  }

  public static String certNoContext(UUID verificationId) {
    return "verification:" + verificationId + ":cert_no";
  }
}
