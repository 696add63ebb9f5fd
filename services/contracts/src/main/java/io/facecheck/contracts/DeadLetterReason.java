package io.facecheck.contracts;

/** Why a record went to a dead-letter topic: the value of {@link DeadLetterHeaders#REASON}. */
public enum DeadLetterReason {
  /** The value is UTF-8 but not JSON. */
  INVALID_JSON,
  /** The value is not valid UTF-8. */
  NOT_UTF8,
  /** The value is JSON but not an object (array, number, string, null), or empty. */
  NOT_AN_OBJECT,
  /** The value is larger than 64 KiB. */
  TOO_LARGE,
  /**
   * A JSON object that breaks the contract and has no well-formed client_id and request_id, so no
   * verification can carry its REJECTED.
   */
  INVALID_REQUEST,
  /** The same (client_id, request_id) arrived before with a different payload. */
  IDEMPOTENCY_CONFLICT,
  /**
   * Alipay says our configuration is wrong (keys, app id, permissions): ops must fix and replay.
   */
  PROVIDER_CONFIG,
  /** Transient failures outlasted every retry. */
  RETRIES_EXHAUSTED,
  /**
   * PostgreSQL refuses to store it however often it is retried (a data or constraint error, e.g. a
   * string it cannot hold): the record is parked instead of stalling its partition.
   */
  UNSTORABLE,
  /** A payload whose schema_version this consumer does not know: never processed as v1. */
  UNKNOWN_SCHEMA_VERSION;

  /** The header value: the constant's name, as ASCII. */
  public String code() {
    return name();
  }
}
