package io.facecheck.simulator;

import io.facecheck.simulator.admin.AdminApi;
import io.facecheck.simulator.gateway.GatewayEndpoint;
import io.facecheck.simulator.http.IncomingRequest;
import io.facecheck.simulator.http.Reply;
import io.facecheck.simulator.http.RequestHandler;
import io.facecheck.simulator.page.CertifyPage;
import io.facecheck.simulator.page.PageSubmission;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Sends each path to its endpoint. */
record Routes(GatewayEndpoint gateway, PageSubmission page, AdminApi admin)
    implements RequestHandler {

  @Override
  public CompletionStage<Reply> handle(IncomingRequest request) {
    String path = request.path();
    if ("/gateway.do".equals(path)) {
      if (!"POST".equals(request.method()) && !"GET".equals(request.method())) {
        return CompletableFuture.completedFuture(
            Reply.json(405, "{\"error\":\"method_not_allowed\",\"message\":\"use POST or GET\"}"));
      }
      return gateway.handle(request);
    }
    if (CertifyPage.SUBMIT_PATH.equals(path)) {
      return CompletableFuture.completedFuture(page.handle(request));
    }
    if (path.startsWith("/sim/")) {
      return admin.handle(request);
    }
    return CompletableFuture.completedFuture(
        Reply.json(404, "{\"error\":\"not_found\",\"message\":\"no such endpoint\"}"));
  }
}
