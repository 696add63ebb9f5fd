package io.facecheck.worker.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayResponse;
import com.alipay.api.response.AlipayUserCertifyOpenQueryResponse;
import io.facecheck.contracts.identity.PiiRedaction;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one table that maps every Alipay outcome to an action (services/worker/README.md shows it;
 * {@code AlipayOutcomeClassifierTest} checks it row by row). Details carry codes, exception types
 * and transport messages only: never sub_msg, which for {@code isv.invalid-signature} echoes the
 * string to sign, biz_content and its cert_name and cert_no included.
 */
public final class AlipayOutcomeClassifier {

  /** Gateway codes other than 10000; anything not listed is treated as configuration. */
  private static final Map<String, Kind> CODES =
      Map.of(
          "20000", Kind.RETRYABLE, // isp/aop.unknow-error: Alipay says "retry later"
          "20001", Kind.PROVIDER_CONFIG, // auth token permissions
          "40001", Kind.PROVIDER_CONFIG, // missing arguments: our request is malformed
          "40002", Kind.PROVIDER_CONFIG, // invalid arguments, incl. isv.invalid-signature
          "40003", Kind.PROVIDER_CONFIG, // insufficient conditions (auth relations)
          "40004", Kind.REJECTED, // business failure about this request
          "40006", Kind.PROVIDER_CONFIG); // product not signed or not bound to the app

  private static final Pattern HTTP_5XX = Pattern.compile("^5\\d\\d:.*", Pattern.DOTALL);
  private static final Pattern HTTP_STATUS = Pattern.compile("^\\d{3}:.*", Pattern.DOTALL);
  private static final int MAX_DETAIL = 300;

  private enum Kind {
    RETRYABLE,
    PROVIDER_CONFIG,
    REJECTED
  }

  private AlipayOutcomeClassifier() {}

  /**
   * As {@link #classify(AlipayOperation, AlipayResponse, Function)}, the operation told by the
   * response type: a query is a read, anything else may have created something.
   */
  public static <R extends AlipayResponse, T> AlipayOutcome<T> classify(
      R response, Function<R, T> value) {
    return classify(AlipayMode.PUBLIC_KEY, response, value);
  }

  /** As above, for a client in {@code mode} (what counts as a verified answer depends on it). */
  public static <R extends AlipayResponse, T> AlipayOutcome<T> classify(
      AlipayMode mode, R response, Function<R, T> value) {
    AlipayOperation operation =
        response instanceof AlipayUserCertifyOpenQueryResponse
            ? AlipayOperation.QUERY
            : AlipayOperation.INITIALIZE;
    return classify(mode, operation, response, value);
  }

  /**
   * Classifies a response {@code execute()} of {@code operation} returned; {@code value} is taken
   * from it on success. Only an answer whose signature the SDK verified over the node it read is
   * Alipay's word: any other (an error without a sign, a signed answer beside a forged node) is
   * unknown for a create and retryable for a read, never a rejection, a configuration error or a
   * "not found".
   */
  public static <R extends AlipayResponse, T> AlipayOutcome<T> classify(
      AlipayOperation operation, R response, Function<R, T> value) {
    return classify(AlipayMode.PUBLIC_KEY, operation, response, value);
  }

  public static <R extends AlipayResponse, T> AlipayOutcome<T> classify(
      AlipayMode mode, AlipayOperation operation, R response, Function<R, T> value) {
    String code = response.getCode();
    if (!SignedBody.verifiedBySdk(response.getBody(), mode)) {
      // its code and sub_code are anyone's words: bounded and masked before they travel
      String detail =
          bounded(
              "answer without a verified signature, not trusted ("
                  + describe(code, response.getSubCode())
                  + ")");
      return operation.readOnly()
          ? new AlipayOutcome.Retryable<>(detail)
          : new AlipayOutcome.Unknown<>(detail);
    }
    if ("10000".equals(code) && isEmpty(response.getSubCode())) {
      T extracted = value.apply(response);
      return extracted == null
          ? new AlipayOutcome.ProviderConfig<>(code, "success without the expected field")
          : new AlipayOutcome.Succeeded<>(extracted);
    }
    String subCode = response.getSubCode();
    String detail = describe(code, subCode);
    Kind kind = CODES.getOrDefault(code == null ? "" : code, Kind.PROVIDER_CONFIG);
    return switch (kind) {
      case RETRYABLE -> new AlipayOutcome.Retryable<>(detail);
      case REJECTED -> new AlipayOutcome.Rejected<>(isEmpty(subCode) ? "40004" : subCode);
      case PROVIDER_CONFIG -> new AlipayOutcome.ProviderConfig<>(code, detail);
    };
  }

  /** Classifies what {@code execute()} or {@code pageExecute()} threw. */
  public static <T> AlipayOutcome<T> classify(AlipayOperation operation, Throwable thrown) {
    String detail = describe(thrown);
    if (causedBy(thrown, ResponseDecryptionFailed.class)) {
      // the app's AES key is not the one Alipay holds (or the answer is not Alipay's)
      return new AlipayOutcome.ProviderConfig<>("DECRYPT", detail);
    }
    Throwable transport = transportCause(thrown);
    if (transport != null) {
      if (neverSent(transport)) {
        return new AlipayOutcome.Retryable<>(detail);
      }
      String message = transport.getMessage() == null ? "" : transport.getMessage();
      if (transport.getClass() == IOException.class && HTTP_STATUS.matcher(message).matches()) {
        // the SDK turns an HTTP error status into IOException("<status>:<reason>")
        return HTTP_5XX.matcher(message).matches()
            ? new AlipayOutcome.Retryable<>(detail)
            : new AlipayOutcome.ProviderConfig<>("HTTP", detail);
      }
      // sent, but the answer was lost: harmless for a read, unknown for a create
      return operation.readOnly()
          ? new AlipayOutcome.Retryable<>(detail)
          : new AlipayOutcome.Unknown<>(detail);
    }
    if (thrown instanceof IllegalArgumentException || thrown instanceof NullPointerException) {
      // a 200 answer that is not JSON, or JSON without a response node: a proxy's error page
      return operation.readOnly()
          ? new AlipayOutcome.Retryable<>(detail)
          : new AlipayOutcome.Unknown<>(detail);
    }
    if (thrown instanceof AlipayApiException && isEmptyBody(thrown)) {
      return operation.readOnly()
          ? new AlipayOutcome.Retryable<>(detail)
          : new AlipayOutcome.Unknown<>(detail);
    }
    // bad or missing response signature, unusable keys, the app's own key configured as
    // Alipay's: nothing a retry can fix, and an unverified answer is never trusted
    return new AlipayOutcome.ProviderConfig<>("CLIENT", detail);
  }

  private static String describe(String code, String subCode) {
    return "code " + code + (isEmpty(subCode) ? "" : ", sub_code " + subCode);
  }

  private static boolean neverSent(Throwable transport) {
    return transport instanceof ConnectException
        || transport instanceof UnknownHostException
        || transport instanceof NoRouteToHostException
        || (transport instanceof SocketTimeoutException
            && String.valueOf(transport.getMessage()).toLowerCase().contains("connect"));
  }

  private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable transportCause(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return t;
      }
    }
    return null;
  }

  private static boolean isEmptyBody(Throwable thrown) {
    String message = String.valueOf(thrown.getMessage());
    return message.contains("响应字符串为空") || message.toLowerCase().contains("response is empty");
  }

  /** Types and messages of the cause chain, resident ID numbers masked, kept short. */
  static String describe(Throwable thrown) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = thrown; t != null && out.length() < MAX_DETAIL; t = t.getCause()) {
      if (!out.isEmpty()) {
        out.append(" <- ");
      }
      out.append(t.getClass().getSimpleName());
      if (t.getMessage() != null && !(t instanceof AlipayApiException && t.getCause() != null)) {
        out.append(": ").append(t.getMessage());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return bounded(out.toString());
  }

  private static String bounded(String detail) {
    String masked = PiiRedaction.redact(detail);
    return masked.length() > MAX_DETAIL ? masked.substring(0, MAX_DETAIL) + "…" : masked;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
