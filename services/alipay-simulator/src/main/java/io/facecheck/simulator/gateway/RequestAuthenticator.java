package io.facecheck.simulator.gateway;

import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.signing.SignAlgorithm;
import io.facecheck.simulator.signing.StringToSign;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The gateway's protocol checks, in the order a caller meets them, ending with the signature. */
final class RequestAuthenticator {
  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  /**
   * Either the caller, or the error to answer with (signed with {@code algorithm}); {@code app} is
   * the registered app the request named, when there is one, even on failure (its mode decides how
   * the error is signed).
   */
  record Outcome(
      CallerIdentity caller, GatewayError error, SignAlgorithm algorithm, RegisteredApp app) {
    boolean failed() {
      return error != null;
    }
  }

  private final RegisteredApps apps;
  private final Supplier<String> rootCertSn;
  private final Clock clock;

  RequestAuthenticator(RegisteredApps apps, Supplier<String> rootCertSn, Clock clock) {
    this.apps = apps;
    this.rootCertSn = rootCertSn;
    this.clock = clock;
  }

  Outcome authenticate(GatewayRequest request, Duration timestampTolerance) {
    SignAlgorithm algorithm =
        SignAlgorithm.fromSignType(request.get("sign_type")).orElse(SignAlgorithm.RSA2);
    RegisteredApp app = apps.find(request.get("app_id")).orElse(null);
    Optional<GatewayError> error = protocolError(request, timestampTolerance);
    if (error.isPresent()) {
      return new Outcome(null, error.get(), algorithm, app);
    }
    List<PublicKey> keys;
    if (app.mode() == AppMode.CERTIFICATE) {
      Optional<AppCredential> credential = app.bySn(request.get("app_cert_sn"));
      if (credential.isEmpty()) {
        return new Outcome(
            null, GatewayError.invalid("isv.app-cert-not-exist", "应用公钥证书不存在"), algorithm, app);
      }
      if (!rootCertSn.get().equals(request.get("alipay_root_cert_sn"))) {
        return new Outcome(
            null,
            GatewayError.invalid("isv.invalid-alipay-root-cert-sn", "无效支付宝根证书序列号"),
            algorithm,
            app);
      }
      keys = List.of(credential.get().publicKey());
    } else {
      // two while a key rotation overlaps: either verifies
      keys = app.credentials().stream().map(AppCredential::publicKey).toList();
    }
    String content = StringToSign.of(request.parameters());
    boolean verified = false;
    for (PublicKey key : keys) {
      verified = verified || algorithm.verify(key, content, request.charset(), request.get("sign"));
    }
    if (!verified) {
      GatewayError invalid =
          GatewayError.invalid(
              "isv.invalid-signature", "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：" + content);
      return new Outcome(null, invalid, algorithm, app);
    }
    return new Outcome(
        new CallerIdentity(request.get("app_id"), request.get("method"), algorithm),
        null,
        algorithm,
        app);
  }

  private Optional<GatewayError> protocolError(GatewayRequest request, Duration tolerance) {
    String method = request.get("method");
    if (blank(method)) {
      return Optional.of(GatewayError.missing("isv.missing-method", "缺少方法名参数"));
    }
    if (!GatewayMethods.ALL.contains(method)) {
      return Optional.of(GatewayError.invalid("isv.invalid-method", "不存在的方法名"));
    }
    if (blank(request.get("app_id"))) {
      return Optional.of(GatewayError.missing("isv.missing-app-id", "缺少AppID参数"));
    }
    if (blank(request.get("sign"))) {
      return Optional.of(GatewayError.missing("isv.missing-signature", "缺少签名参数"));
    }
    if (blank(request.get("sign_type"))) {
      return Optional.of(GatewayError.missing("isv.missing-signature-type", "缺少签名类型参数"));
    }
    if (SignAlgorithm.fromSignType(request.get("sign_type")).isEmpty()) {
      return Optional.of(GatewayError.invalid("isv.invalid-signature-type", "无效的签名类型"));
    }
    if (blank(request.get("timestamp"))) {
      return Optional.of(GatewayError.missing("isv.missing-timestamp", "缺少时间戳参数"));
    }
    if (blank(request.get("version"))) {
      return Optional.of(GatewayError.missing("isv.missing-version", "缺少版本参数"));
    }
    if (!"1.0".equals(request.get("version"))) {
      return Optional.of(GatewayError.invalid("isv.invalid-parameter", "version 只支持 1.0"));
    }
    String format = request.get("format");
    if (!blank(format) && !"json".equalsIgnoreCase(format)) {
      return Optional.of(GatewayError.invalid("isv.invalid-format", "无效的数据格式"));
    }
    if (apps.find(request.get("app_id")).isEmpty()) {
      return Optional.of(GatewayError.invalid("isv.invalid-app-id", "无效的AppID参数"));
    }
    if (!withinTolerance(request.get("timestamp"), tolerance)) {
      return Optional.of(GatewayError.invalid("isv.invalid-timestamp", "非法的时间戳参数"));
    }
    return Optional.empty();
  }

  private boolean withinTolerance(String timestamp, Duration tolerance) {
    Instant sent;
    try {
      sent = LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(BEIJING);
    } catch (DateTimeParseException e) {
      return false;
    }
    return Duration.between(sent, clock.instant()).abs().compareTo(tolerance) <= 0;
  }

  private static boolean blank(String value) {
    return value == null || value.isEmpty();
  }
}
