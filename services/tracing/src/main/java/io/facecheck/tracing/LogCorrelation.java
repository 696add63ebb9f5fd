package io.facecheck.tracing;

import java.util.UUID;
import org.slf4j.MDC;

/**
 * The correlation ids of the record or request being handled, in the logging MDC, so every line
 * (plain or JSON) says which verification it is about. Only ids: never cert_name or cert_no. Set by
 * whoever learns an id (the record's key, the parsed request, the loaded verification) and cleared
 * by whoever opened the handling ({@link #clear()}), since threads are pooled.
 */
public final class LogCorrelation {

  public static final String VERIFICATION_ID = "verification_id";
  public static final String REQUEST_ID = "request_id";
  public static final String CLIENT_ID = "client_id";
  public static final String TRACE_ID = "trace_id";

  private LogCorrelation() {}

  public static void verification(UUID verificationId) {
    put(VERIFICATION_ID, verificationId == null ? null : verificationId.toString());
  }

  /** The verification and the business request it came from. */
  public static void verification(UUID verificationId, String clientId, String requestId) {
    verification(verificationId);
    request(clientId, requestId);
  }

  public static void request(String clientId, String requestId) {
    put(CLIENT_ID, clientId);
    put(REQUEST_ID, requestId);
  }

  public static void requestId(String requestId) {
    put(REQUEST_ID, requestId);
  }

  public static void traceId(String traceId) {
    put(TRACE_ID, traceId);
  }

  /** Removes every id this class sets; call where the handling of a record or request ends. */
  public static void clear() {
    MDC.remove(VERIFICATION_ID);
    MDC.remove(REQUEST_ID);
    MDC.remove(CLIENT_ID);
    MDC.remove(TRACE_ID);
  }

  private static void put(String key, String value) {
    if (value == null || value.isBlank()) {
      return; // an id not known (yet) is left out rather than logged as "null"
    }
    MDC.put(key, value);
  }
}
