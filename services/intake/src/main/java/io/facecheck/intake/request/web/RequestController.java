package io.facecheck.intake.request.web;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.intake.auth.AuthenticatedClient;
import io.facecheck.intake.kafka.PublishFailedException;
import io.facecheck.intake.lookup.LookupUnavailableException;
import io.facecheck.intake.metrics.IntakeMetrics;
import io.facecheck.intake.request.IntakeOutcome;
import io.facecheck.intake.request.RequestIntake;
import io.facecheck.intake.web.ApiError;
import io.facecheck.intake.web.FieldPath;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/verifications}: 202 once Kafka has the request; 200 for a repeat of a recorded
 * one; 400 invalid or unparseable; 401 no or unknown token; 403 someone else's client_id; 409
 * idempotency conflict; 413 over 64 KiB; 415 not application/json in UTF-8; 503 Kafka did not
 * acknowledge, or PostgreSQL did not answer (with Retry-After). Every answer is JSON whatever the
 * Accept header says: a record already published must never be answered 406.
 */
@RestController
public class RequestController {

  private final RequestIntake intake;
  private final IntakeMetrics metrics;

  public RequestController(RequestIntake intake, IntakeMetrics metrics) {
    this.intake = intake;
    this.metrics = metrics;
  }

  // AuthenticatedClient first: an unauthenticated body is never read
  @PostMapping("/v1/verifications")
  public ResponseEntity<?> submit(AuthenticatedClient client, HttpServletRequest http)
      throws IOException {
    String wrongType =
        JsonBodyType.refusal(http.getContentType(), http.getHeader(HttpHeaders.CONTENT_ENCODING));
    if (wrongType != null) {
      metrics.rejected(IntakeMetrics.UNSUPPORTED_MEDIA_TYPE);
      return json(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
          .body(ApiError.of("unsupported_media_type", wrongType));
    }
    byte[] body = BoundedBody.read(http.getInputStream(), http.getContentLengthLong());
    IntakeOutcome outcome;
    try {
      outcome = intake.submit(client, body);
    } catch (PublishFailedException | LookupUnavailableException e) {
      metrics.rejected(IntakeMetrics.UNAVAILABLE);
      throw e;
    }
    metrics.request(outcome);
    return answer(outcome);
  }

  static ResponseEntity<?> answer(IntakeOutcome outcome) {
    if (outcome instanceof IntakeOutcome.Accepted accepted) {
      String url = AcceptedResponse.statusUrl(accepted.requestId());
      return json(HttpStatus.ACCEPTED)
          .location(URI.create(url))
          .body(new AcceptedResponse(accepted.requestId(), url, null, null));
    }
    if (outcome instanceof IntakeOutcome.AlreadyAccepted already) {
      String requestId = already.existing().requestId();
      String url = AcceptedResponse.statusUrl(requestId);
      return json(HttpStatus.OK)
          .location(URI.create(url))
          .body(
              new AcceptedResponse(
                  requestId, url, already.existing().id(), already.existing().status()));
    }
    if (outcome instanceof IntakeOutcome.Unparseable unparseable) {
      return unparseable(unparseable.reason());
    }
    if (outcome instanceof IntakeOutcome.Invalid invalid) {
      return json(HttpStatus.BAD_REQUEST)
          .body(
              new ApiError(
                  "invalid_request",
                  "the request breaks the verification-request v1 schema",
                  null,
                  invalid.errors().stream()
                      .map(
                          e ->
                              new ApiError.FieldProblem(
                                  FieldPath.fromPointer(e.field()), e.code(), e.message()))
                      .toList()));
    }
    if (outcome instanceof IntakeOutcome.ForeignClient) {
      return json(HttpStatus.FORBIDDEN)
          .body(ApiError.of("client_mismatch", "client_id does not belong to this bearer token"));
    }
    IntakeOutcome.Conflict conflict = (IntakeOutcome.Conflict) outcome;
    return json(HttpStatus.CONFLICT)
        .location(URI.create(AcceptedResponse.statusUrl(conflict.requestId())))
        .body(
            ApiError.of(
                "idempotency_conflict",
                "this request_id was used before with a different payload; use a new request_id"));
  }

  private static ResponseEntity<ApiError> unparseable(DeadLetterReason reason) {
    if (reason == DeadLetterReason.TOO_LARGE) {
      return json(HttpStatus.CONTENT_TOO_LARGE)
          .body(new ApiError("payload_too_large", "the body is over 64 KiB", reason.code(), null));
    }
    String message =
        switch (reason) {
          case NOT_UTF8 -> "the body is not valid UTF-8";
          case INVALID_JSON -> "the body is not valid JSON";
          default -> "the body is not a JSON object";
        };
    return json(HttpStatus.BAD_REQUEST)
        .body(new ApiError("unparseable_request", message, reason.code(), null));
  }

  // a preset Content-Type skips content negotiation, so Accept cannot turn an answer into a 406
  private static ResponseEntity.BodyBuilder json(HttpStatus status) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
  }
}
