package io.facecheck.simulator.http;

import java.util.concurrent.CompletionStage;

/** Answers a request; may complete later (signing runs off the event loop). */
@FunctionalInterface
public interface RequestHandler {
  CompletionStage<Reply> handle(IncomingRequest request);
}
