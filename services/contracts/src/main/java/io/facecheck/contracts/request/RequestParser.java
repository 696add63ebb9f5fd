package io.facecheck.contracts.request;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.identity.ResidentIdNumber;
import io.facecheck.contracts.request.ParseOutcome.Invalid;
import io.facecheck.contracts.request.ParseOutcome.Unparseable;
import io.facecheck.contracts.request.ParseOutcome.Valid;
import io.facecheck.contracts.schema.FieldError;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.contracts.schema.PayloadSchema;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Turns a verification-requests record value (or an intake body) into a {@link ParseOutcome}.
 * Thread-safe and cheap to share: the schema is compiled once for the whole JVM.
 */
public final class RequestParser {

  /** The request contract (schemas/asyncapi.yaml): at most 64 KiB. */
  public static final int MAX_BYTES = 64 * 1024;

  static final String CERT_NO_FIELD = "/identity/cert_no";
  private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9-]{1,64}");
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final RequestHash hash;

  /**
   * Hashes with HMAC-SHA256 under {@code hashKey}, so a stored hash cannot be brute-forced offline
   * to recover the cert_no it covers. There is no unkeyed variant: a service without its key must
   * not start.
   */
  public RequestParser(byte[] hashKey) {
    this.hash = RequestHash.hmacSha256(hashKey);
    // compile the schema now (about a second), at start-up rather than on the first record
    PayloadSchema.VERIFICATION_REQUEST.schema();
  }

  /**
   * The keyed hash of raw bytes, for a request too broken to be canonicalised (an invalid one is
   * stored with the hash of its exact bytes, so a redelivery is recognised as the same).
   */
  public String rawHash(byte[] value) {
    return hash.ofBytes(value);
  }

  public ParseOutcome parse(byte[] value) {
    if (value == null || value.length == 0) {
      return new Unparseable(DeadLetterReason.NOT_AN_OBJECT, "empty value");
    }
    if (value.length > MAX_BYTES) {
      return new Unparseable(
          DeadLetterReason.TOO_LARGE,
          "value is " + value.length + " bytes, the limit is " + MAX_BYTES);
    }
    String text;
    try {
      text = strictUtf8(value);
    } catch (CharacterCodingException e) {
      return new Unparseable(DeadLetterReason.NOT_UTF8, "value is not valid UTF-8");
    }
    JsonNode root;
    try {
      root = PayloadJson.mapper().readTree(text);
    } catch (JacksonException e) {
      // Jackson's message can quote the offending token, which may be a cert_no: report where
      return new Unparseable(DeadLetterReason.INVALID_JSON, "invalid JSON " + where(e));
    }
    if (root == null || root.isMissingNode()) {
      return new Unparseable(DeadLetterReason.NOT_AN_OBJECT, "empty value");
    }
    if (!root.isObject()) {
      return new Unparseable(
          DeadLetterReason.NOT_AN_OBJECT,
          "JSON "
              + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + ", not an object");
    }
    return validate(root);
  }

  private ParseOutcome validate(JsonNode root) {
    List<FieldError> errors = new ArrayList<>(UnstorableStrings.in(root));
    errors.addAll(PayloadSchema.VERIFICATION_REQUEST.validate(root));
    checkResidentIdNumber(root, errors);
    if (!errors.isEmpty()) {
      return new Invalid(
          wellFormed(root.get("client_id"), CLIENT_ID),
          wellFormed(root.get("request_id"), REQUEST_ID),
          errors);
    }
    VerificationRequest request;
    try {
      request = PayloadJson.mapper().treeToValue(root, VerificationRequest.class);
    } catch (JacksonException e) {
      // the schema should have caught it; never let a record crash the consumer
      return new Invalid(
          wellFormed(root.get("client_id"), CLIENT_ID),
          wellFormed(root.get("request_id"), REQUEST_ID),
          List.of(new FieldError("", "binding", "cannot be read as a request")));
    }
    return new Valid(request, hash.of(request));
  }

  // JSON Schema checks the shape; the check character and the birth date need code.
  private static void checkResidentIdNumber(JsonNode root, List<FieldError> errors) {
    JsonNode identity = root.get("identity");
    if (identity == null || !identity.isObject()) {
      return;
    }
    JsonNode certNo = identity.get("cert_no");
    if (certNo == null
        || !certNo.isString()
        || !usesResidentIdNumber(identity.get("cert_type"))
        || errors.stream().anyMatch(e -> e.field().equals(CERT_NO_FIELD))) {
      return;
    }
    switch (ResidentIdNumber.check(certNo.asString())) {
      case INVALID_CHECK_DIGIT ->
          errors.add(
              new FieldError(
                  CERT_NO_FIELD,
                  FieldError.RESIDENT_ID_CHECK_DIGIT,
                  "check character does not match (GB 11643)"));
      case INVALID_BIRTH_DATE ->
          errors.add(
              new FieldError(
                  CERT_NO_FIELD, FieldError.RESIDENT_ID_BIRTH_DATE, "birth date does not exist"));
      case VALID, MALFORMED -> {
        // MALFORMED is already a schema "pattern" error
      }
    }
  }

  private static boolean usesResidentIdNumber(JsonNode certType) {
    if (certType == null) {
      return CertType.DEFAULT.usesResidentIdNumber();
    }
    for (CertType type : CertType.values()) {
      if (certType.isString() && type.name().equals(certType.asString())) {
        return type.usesResidentIdNumber();
      }
    }
    return false;
  }

  private static String wellFormed(JsonNode id, Pattern pattern) {
    return id != null && id.isString() && pattern.matcher(id.asString()).matches()
        ? id.asString()
        : null;
  }

  private static String strictUtf8(byte[] value) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(value))
        .toString();
  }

  private static String where(JacksonException e) {
    TokenStreamLocation location = e.getLocation();
    if (location == null) {
      return "(no location)";
    }
    return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
