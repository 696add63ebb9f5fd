package io.facecheck.contracts.request;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.schema.FieldError;
import java.util.List;
import java.util.Objects;

/** What {@link RequestParser} made of a record value: exactly one of three outcomes. */
public sealed interface ParseOutcome
    permits ParseOutcome.Unparseable, ParseOutcome.Invalid, ParseOutcome.Valid {

  /**
   * Not a JSON object at all: dead-letter it with {@code reason}. {@code detail} is safe for
   * headers and logs (it never quotes the value).
   */
  record Unparseable(DeadLetterReason reason, String detail) implements ParseOutcome {
    public Unparseable {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * A JSON object that breaks the contract: the verification ends REJECTED with these errors. The
   * ids are given only when they are themselves well-formed, else null.
   */
  record Invalid(String clientIdOrNull, String requestIdOrNull, List<FieldError> errors)
      implements ParseOutcome {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid request has at least one error");
      }
    }
  }

  /**
   * A valid request with its defaults applied. {@code canonicalHash} (64 hex characters) is equal
   * for equal payloads, whatever their key order or spelled-out defaults: the idempotency check
   * compares it.
   */
  record Valid(VerificationRequest request, String canonicalHash) implements ParseOutcome {
    public Valid {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(canonicalHash, "canonicalHash");
    }

    @Override
    public String toString() {
      return "Valid[" + request + ", canonicalHash=" + canonicalHash + "]";
    }
  }
}
