package io.facecheck.contracts;

/**
 * Kafka topic names (docs/architecture.md, Topics), the single place they are spelled.
 * schemas/asyncapi.yaml describes each one; a test keeps the two in step.
 */
public final class Topics {

  /** Key request_id; payload schemas/verification-request.v1.json. */
  public static final String REQUESTS = "verification-requests";

  /** Retry topics of {@link #REQUESTS}: this prefix followed by the attempt's suffix. */
  public static final String REQUESTS_RETRY_PREFIX = "verification-requests-retry-";

  /** Dead letters of {@link #REQUESTS}: original key and value plus {@link DeadLetterHeaders}. */
  public static final String REQUESTS_DLT = "verification-requests-dlt";

  /** Key verification_id; payload schemas/verification-callback.v1.json. */
  public static final String CALLBACKS = "verification-callbacks";

  /**
   * Dead letters of {@link #CALLBACKS}: a user's return the reconciler could not record, kept for
   * ops to replay instead of discarded.
   */
  public static final String CALLBACKS_DLT = "verification-callbacks-dlt";

  /** Key verification_id; payload schemas/verification-query.v1.json. */
  public static final String QUERIES = "verification-queries";

  /** Retry topics of {@link #QUERIES}: this prefix followed by the attempt's suffix. */
  public static final String QUERIES_RETRY_PREFIX = "verification-queries-retry-";

  /** Dead letters of {@link #QUERIES}. */
  public static final String QUERIES_DLT = "verification-queries-dlt";

  /** Key verification_id; payload schemas/verification-query-result.v1.json. */
  public static final String QUERY_RESULTS = "verification-query-results";

  /** Dead letters of {@link #QUERY_RESULTS}: an Alipay answer the reconciler could not decide. */
  public static final String QUERY_RESULTS_DLT = "verification-query-results-dlt";

  /** Key {@link #resultKey}; payload schemas/verification-result.v1.json. */
  public static final String RESULTS = "verification-results";

  /** Suffix Spring Kafka's retry topics append for the dead-letter topic. */
  public static final String DLT_SUFFIX = "-dlt";

  /** Suffix Spring Kafka's retry topics append before the attempt's index or delay. */
  public static final String RETRY_SUFFIX = "-retry";

  private Topics() {}

  /**
   * The key of a {@link #RESULTS} record, {@code {client_id}:{request_id}}: all events of one
   * verification land on one partition, so they arrive in order.
   */
  public static String resultKey(String clientId, String requestId) {
    return clientId + ":" + requestId;
  }
}
