package io.facecheck.intake.callback.web;

import io.facecheck.intake.callback.CallbackOutcome;
import io.facecheck.intake.callback.CallbackReceiver;
import io.facecheck.intake.metrics.IntakeMetrics;
import io.facecheck.intake.web.ApiError;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/callbacks/alipay/return?token=…}: the return_url facecheck gives Alipay. Valid →
 * 302 to the business service's return_url (200 and a static "return to the app" page when that is
 * unknown for now); malformed → 400, forged or altered → 403, expired → 410 Gone, authentic but
 * unknown → 404. No bearer token: the caller is the user's browser.
 */
@RestController
public class CallbackController {

  private final CallbackReceiver receiver;
  private final IntakeMetrics metrics;

  public CallbackController(CallbackReceiver receiver, IntakeMetrics metrics) {
    this.receiver = receiver;
    this.metrics = metrics;
  }

  @GetMapping("/v1/callbacks/alipay/return")
  public ResponseEntity<?> alipayReturn(@RequestParam(required = false) String token) {
    CallbackOutcome outcome = receiver.receive(token);
    metrics.callback(outcome);
    if (outcome instanceof CallbackOutcome.Redirect redirect) {
      return ResponseEntity.status(HttpStatus.FOUND)
          .location(redirect.returnUrl())
          .cacheControl(CacheControl.noStore())
          .build();
    }
    if (outcome instanceof CallbackOutcome.DestinationUnknown) {
      return ReturnPage.returnToTheApp();
    }
    if (outcome instanceof CallbackOutcome.Refused refused) {
      return switch (refused.reason()) {
        case MALFORMED -> refuse(HttpStatus.BAD_REQUEST, "malformed_token", "not a callback token");
        case FORGED ->
            refuse(HttpStatus.FORBIDDEN, "forged_token", "the token's signature does not match");
        case EXPIRED ->
            refuse(HttpStatus.GONE, "expired_token", "this verification link has expired");
      };
    }
    return refuse(HttpStatus.NOT_FOUND, "not_found", "no such verification");
  }

  private static ResponseEntity<ApiError> refuse(HttpStatus status, String error, String message) {
    // JSON whatever the browser accepts: an error page must never become a 406
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore())
        .body(ApiError.of(error, message));
  }
}
