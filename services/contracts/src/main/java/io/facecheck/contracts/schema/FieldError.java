package io.facecheck.contracts.schema;

/**
 * One reason a payload is invalid. {@code field} is a JSON pointer ({@code /identity/cert_no});
 * {@code code} is the JSON Schema keyword that failed ({@code pattern}, {@code required}, …) or a
 * rule of our own ({@code resident_id_check_digit}); {@code message} never repeats the value.
 */
public record FieldError(String field, String code, String message) {

  /** Code for a resident ID number whose check character does not match. */
  public static final String RESIDENT_ID_CHECK_DIGIT = "resident_id_check_digit";

  /** Code for a resident ID number whose birth date does not exist. */
  public static final String RESIDENT_ID_BIRTH_DATE = "resident_id_birth_date";

  @Override
  public String toString() {
    return field + " " + code + ": " + message;
  }
}
