package io.facecheck.statemachine.jdbc;

import static io.facecheck.statemachine.jdbc.Timestamps.read;

import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.statemachine.DeadLetterMark;
import io.facecheck.statemachine.Failure;
import io.facecheck.statemachine.Submission;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;

/** Maps a verifications row to a {@link Verification}; the PII columns are never read here. */
final class VerificationRows implements RowMapper<Verification> {

  /** Every column but the ciphertexts: the domain object holds no PII, sealed or not. */
  private static final List<String> COLUMN_NAMES =
      List.of(
          "id",
          "version",
          "status",
          "client_id",
          "request_id",
          "request_hash",
          "biz_code",
          "cert_type",
          "return_url",
          "ttl_seconds",
          "app",
          "metadata",
          "outer_order_no",
          "certify_id",
          "certify_url",
          "expires_at",
          "next_query_at",
          "query_attempts",
          "last_query_at",
          "user_returned_at",
          "error_code",
          "error_field",
          "error_message",
          "status_before_dead_letter",
          "dead_letter_reason",
          "created_at",
          "updated_at");

  static final String COLUMNS = String.join(", ", COLUMN_NAMES);

  /** The columns qualified by a table alias, for statements that join. */
  static String columns(String alias) {
    return COLUMN_NAMES.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
  }

  static final VerificationRows MAPPER = new VerificationRows();

  @Override
  public Verification mapRow(ResultSet rs, int rowNum) throws SQLException {
    Submission submission =
        new Submission(
            rs.getString("client_id"),
            rs.getString("request_id"),
            rs.getString("request_hash"),
            enumOrNull(BizCode.class, rs.getString("biz_code")),
            enumOrNull(CertType.class, rs.getString("cert_type")),
            rs.getString("return_url"),
            (Integer) rs.getObject("ttl_seconds"),
            rs.getString("app"),
            JsonColumns.readStringMap(rs.getString("metadata")));
    String errorCode = rs.getString("error_code");
    String leftStatus = rs.getString("status_before_dead_letter");
    return new Verification(
        rs.getObject("id", UUID.class),
        rs.getLong("version"),
        VerificationStatus.valueOf(rs.getString("status")),
        submission,
        rs.getString("outer_order_no"),
        rs.getString("certify_id"),
        rs.getString("certify_url"),
        read(rs, "expires_at"),
        read(rs, "next_query_at"),
        rs.getInt("query_attempts"),
        read(rs, "last_query_at"),
        read(rs, "user_returned_at"),
        errorCode == null
            ? null
            : new Failure(errorCode, rs.getString("error_field"), rs.getString("error_message")),
        leftStatus == null
            ? null
            : new DeadLetterMark(
                VerificationStatus.valueOf(leftStatus), rs.getString("dead_letter_reason")),
        read(rs, "created_at"),
        read(rs, "updated_at"));
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
