package io.facecheck.intake.status.web;

import io.facecheck.intake.auth.AuthenticatedClient;
import io.facecheck.intake.lookup.VerificationLookup;
import io.facecheck.intake.status.VerificationStatusView;
import io.facecheck.intake.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/verifications/{request_id}}: a client's own verification, never another's. */
@RestController
public class StatusController {

  private final VerificationLookup verifications;

  public StatusController(VerificationLookup verifications) {
    this.verifications = verifications;
  }

  @GetMapping("/v1/verifications/{requestId}")
  public ResponseEntity<?> status(AuthenticatedClient client, @PathVariable String requestId) {
    // looked up under the caller's client_id only: another client's request_id is simply unknown
    return verifications
        .byRequest(client.clientId(), requestId)
        .<ResponseEntity<?>>map(v -> ResponseEntity.ok(VerificationStatusView.of(v)))
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(
                        ApiError.of(
                            "not_found",
                            "no verification with this request_id for this client; a request"
                                + " accepted moments ago may not have reached the worker yet,"
                                + " retry shortly")));
  }
}
