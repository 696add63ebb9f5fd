package io.facecheck.intake.web;

import io.facecheck.intake.auth.web.NotAuthenticatedException;
import io.facecheck.intake.kafka.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the intake's exceptions into {@link ApiError} answers. */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(NotAuthenticatedException.class)
  ResponseEntity<ApiError> notAuthenticated() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"facecheck\"")
        .body(ApiError.of("unauthenticated", "a valid bearer token is required"));
  }

  @ExceptionHandler(PublishFailedException.class)
  ResponseEntity<ApiError> publishFailed(PublishFailedException e) {
    // the cause names the topic and Kafka's reason, never the payload
    log.warn("{}: {}", e.getMessage(), String.valueOf(e.getCause()));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(
            ApiError.of("unavailable", "could not hand the record to Kafka; retry the same call"));
  }
}
