package io.facecheck.simulator.admin;

/** Bodies the admin API accepts. */
final class AdminRequests {
  private AdminRequests() {}

  /** mode: "public_key" (default) or "certificate"; aes_key: Base64; keep_previous_key: false. */
  record AppRegistration(
      String appId, String publicKey, String mode, String aesKey, Boolean keepPreviousKey) {}

  /** visit_return_url defaults to false: only follow the redirect when asked. */
  record CompleteCertification(Boolean passed, String failReason, Boolean visitReturnUrl) {}
}
