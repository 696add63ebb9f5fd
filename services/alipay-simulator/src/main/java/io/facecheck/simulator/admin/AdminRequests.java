package io.facecheck.simulator.admin;

/** Bodies the admin API accepts. */
final class AdminRequests {
  private AdminRequests() {}

  record AppRegistration(String appId, String publicKey) {}

  /** visit_return_url defaults to false: only follow the redirect when asked. */
  record CompleteCertification(Boolean passed, String failReason, Boolean visitReturnUrl) {}
}
