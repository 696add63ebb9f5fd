package io.facecheck.worker.retry;

/**
 * Headers of a record on a retry topic, beside the original key, value and headers. It also carries
 * {@link io.facecheck.contracts.DeadLetterHeaders}' original topic, partition and offset (of the
 * first consumption), attempts, first and last failure times and the last error, so the dead letter
 * at the end of the road reports the whole history.
 */
public final class RetryHeaders {

  /** Retry hops spent so far, decimal; 0 when the record was only parked during an outage. */
  public static final String HOP = "facecheck-retry-hop";

  /** When the record may be tried again, an ISO-8601 instant. */
  public static final String DUE_AT = "facecheck-retry-due-at";

  /** Every header the worker writes starts with this. */
  public static final String PREFIX = "facecheck-";

  private RetryHeaders() {}
}
