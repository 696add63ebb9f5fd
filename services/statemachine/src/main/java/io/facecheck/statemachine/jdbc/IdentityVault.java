package io.facecheck.statemachine.jdbc;

import io.facecheck.contracts.request.CertType;
import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.SealedValue;
import io.facecheck.statemachine.OpenedIdentity;
import io.facecheck.statemachine.SealedIdentity;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way back to a verification's plaintext identity: reads its ciphertexts and opens them.
 * Only the worker, which must send them to Alipay, should hold one.
 */
public final class IdentityVault {

  private final JdbcClient jdbc;
  private final PiiCipher cipher;

  public IdentityVault(DataSource dataSource, PiiCipher cipher) {
    this.jdbc = JdbcClient.create(dataSource);
    this.cipher = cipher;
  }

  /**
   * @return empty when there is no such verification, or it holds no identity (a request rejected
   *     as invalid at receipt)
   * @throws io.facecheck.pii.PiiDecryptionException when the key is gone or the data was altered
   */
  public Optional<OpenedIdentity> open(UUID verificationId) {
    return jdbc.sql(
            "SELECT cert_type, cert_name_ciphertext, cert_no_ciphertext, pii_key_id"
                + " FROM verifications WHERE id = :id AND pii_key_id IS NOT NULL")
        .param("id", verificationId)
        .query(
            (rs, n) -> {
              String keyId = rs.getString("pii_key_id");
              return new SealedIdentity(
                  CertType.valueOf(rs.getString("cert_type")),
                  new SealedValue(keyId, rs.getBytes("cert_name_ciphertext")),
                  new SealedValue(keyId, rs.getBytes("cert_no_ciphertext")));
            })
        .optional()
        .map(identity -> identity.open(verificationId, cipher));
  }
}
