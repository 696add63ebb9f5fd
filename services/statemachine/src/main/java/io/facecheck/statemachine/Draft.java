package io.facecheck.statemachine;

import java.time.Instant;

/** The next state of a {@link Verification} while a transition method edits it; version + 1. */
final class Draft {

  private final Verification from;
  VerificationStatus status;
  String outerOrderNo;
  String certifyId;
  String certifyUrl;
  Instant nextQueryAt;
  int queryAttempts;
  Instant lastQueryAt;
  Instant userReturnedAt;
  Failure failure;
  DeadLetterMark deadLetter;

  Draft(Verification from) {
    this.from = from;
    status = from.status();
    outerOrderNo = from.outerOrderNo();
    certifyId = from.certifyId();
    certifyUrl = from.certifyUrl();
    nextQueryAt = from.nextQueryAt();
    queryAttempts = from.queryAttempts();
    lastQueryAt = from.lastQueryAt();
    userReturnedAt = from.userReturnedAt();
    failure = from.failure();
    deadLetter = from.deadLetter();
  }

  Verification build() {
    return new Verification(
        from.id(),
        from.version() + 1,
        status,
        from.submission(),
        outerOrderNo,
        certifyId,
        certifyUrl,
        from.expiresAt(),
        nextQueryAt,
        queryAttempts,
        lastQueryAt,
        userReturnedAt,
        failure,
        deadLetter,
        from.createdAt(),
        from.updatedAt());
  }
}
