package io.facecheck.reconciler.query;

import io.facecheck.contracts.query.VerificationQuery;
import java.util.List;

/**
 * Where the use cases hand queries for the worker: the port the callback handler and the ladder
 * scan depend on, so neither knows Kafka.
 */
public interface QueryCommands {

  /**
   * Sends every query and returns those that were acknowledged, in the order given; a query left
   * out was not sent and stays due.
   */
  List<VerificationQuery> sendAll(List<VerificationQuery> queries);
}
