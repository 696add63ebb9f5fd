package io.facecheck.intake.web;

import io.facecheck.intake.auth.web.NotAuthenticatedException;
import io.facecheck.intake.kafka.PublishFailedException;
import io.facecheck.intake.lookup.LookupUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the intake's exceptions into {@link ApiError} answers, always JSON (a preset Content-Type
 * skips content negotiation, so no Accept header turns them into a 406).
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  /** Seconds a client waits before retrying after PostgreSQL did not answer. */
  static final String DATABASE_RETRY_AFTER = "5";

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(NotAuthenticatedException.class)
  ResponseEntity<ApiError> notAuthenticated() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"facecheck\"")
        .body(ApiError.of("unauthenticated", "a valid bearer token is required"));
  }

  @ExceptionHandler(PublishFailedException.class)
  ResponseEntity<ApiError> publishFailed(PublishFailedException e) {
    // the cause names the topic and Kafka's reason, never the payload
    log.warn("{}: {}", e.getMessage(), String.valueOf(e.getCause()));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(
            ApiError.of("unavailable", "could not hand the record to Kafka; retry the same call"));
  }

  /**
   * PostgreSQL did not answer within the short timeouts (Hikari's connection timeout, the driver's
   * socket timeout): fail fast instead of holding a request thread, nothing published.
   */
  @ExceptionHandler(LookupUnavailableException.class)
  ResponseEntity<ApiError> databaseUnavailable(LookupUnavailableException e) {
    if (e.getCause() != null) {
      log.warn("{}: {}", e.getMessage(), String.valueOf(e.getCause()));
    } // else failed fast after such a warning: one line per probe, not one per request
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER)
        .body(
            ApiError.of(
                "unavailable",
                "the verification store did not answer; nothing was published, retry the same"
                    + " call"));
  }
}
