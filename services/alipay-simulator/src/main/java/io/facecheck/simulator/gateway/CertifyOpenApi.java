package io.facecheck.simulator.gateway;

import io.facecheck.simulator.certification.Certification;
import io.facecheck.simulator.certification.CertificationRegistry;
import io.facecheck.simulator.certification.CertificationStatus;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** alipay.user.certify.open.initialize and .query, after the caller is authenticated. */
final class CertifyOpenApi {
  private static final Pattern OUTER_ORDER_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Set<String> BIZ_CODES =
      Set.of("FACE", "CERT_PHOTO", "CERT_PHOTO_FACE", "SMART_FACE");
  private static final Set<String> IDENTITY_TYPES = Set.of("CERT_INFO", "AGENT_CERT_INFO");
  private static final Set<String> CERT_TYPES =
      Set.of(
          "IDENTITY_CARD",
          "HOME_VISIT_PERMIT_HK_MC",
          "HOME_VISIT_PERMIT_TAIWAN",
          "RESIDENCE_PERMIT_HK_MC",
          "RESIDENCE_PERMIT_TAIWAN",
          "PERMANENT_RESIDENCE_FOREIGNER");

  private final CertificationRegistry registry;
  private final Consumer<Certification> onCreated;

  CertifyOpenApi(CertificationRegistry registry, Consumer<Certification> onCreated) {
    this.registry = registry;
    this.onCreated = onCreated;
  }

  Map<String, String> initialize(String appId, String bizContent) throws BusinessContent.Invalid {
    BusinessContent content = BusinessContent.parse(bizContent);
    String outerOrderNo = content.requiredText("outer_order_no");
    if (!OUTER_ORDER_NO.matcher(outerOrderNo).matches()) {
      throw new BusinessContent.Invalid("INVALID_PARAMETER", "outer_order_no 须为 1-32 位字母或数字");
    }
    if (!BIZ_CODES.contains(content.requiredText("biz_code"))) {
      throw new BusinessContent.Invalid("BIZ_CODE_NOT_SUPPORTED", "不支持的 biz_code");
    }
    checkIdentity(content.requiredObject("identity_param"));
    String returnUrl =
        content.requiredObject("merchant_config").optionalText("return_url").orElse("");
    if (!returnUrl.isEmpty() && !isHttpUrl(returnUrl)) {
      throw new BusinessContent.Invalid("INVALID_PARAMETER", "return_url 不是合法的 http(s) 地址");
    }
    CertificationRegistry.Issued issued = registry.initialize(appId, outerOrderNo, returnUrl);
    if (issued.created()) {
      onCreated.accept(issued.certification());
    }
    Map<String, String> fields = success();
    fields.put("certify_id", issued.certification().certifyId());
    return fields;
  }

  Map<String, String> query(String appId, String bizContent) throws BusinessContent.Invalid {
    Certification certification = find(appId, bizContent);
    Map<String, String> fields = success();
    CertificationStatus status = certification.status();
    fields.put("passed", status == CertificationStatus.PASSED ? "T" : "F");
    if (status == CertificationStatus.FAILED && certification.failReason() != null) {
      fields.put("fail_reason", certification.failReason());
    }
    return fields;
  }

  /**
   * The certification a query or the certify page names; another app's certify_id does not exist.
   */
  Certification find(String appId, String bizContent) throws BusinessContent.Invalid {
    String certifyId = BusinessContent.parse(bizContent).requiredText("certify_id");
    return registry
        .find(certifyId)
        .filter(c -> c.appId().equals(appId))
        .orElseThrow(() -> new BusinessContent.Invalid("CERTIFY_ID_NOT_EXIST", "认证记录不存在"));
  }

  private static void checkIdentity(BusinessContent identity) throws BusinessContent.Invalid {
    if (!IDENTITY_TYPES.contains(identity.requiredText("identity_type"))) {
      throw new BusinessContent.Invalid("INVALID_PARAMETER", "不支持的 identity_type");
    }
    String certType = identity.requiredText("cert_type");
    if (!CERT_TYPES.contains(certType)) {
      throw new BusinessContent.Invalid("INVALID_PARAMETER", "不支持的 cert_type");
    }
    identity.requiredText("cert_name");
    String certNo = identity.requiredText("cert_no");
    // never echo cert_no back: it is PII
    if ("IDENTITY_CARD".equals(certType) && !GatewayCertNoCheck.isValid(certNo)) {
      throw new BusinessContent.Invalid("INVALID_CERT_NO", "身份证号码不合法");
    }
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static Map<String, String> success() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("code", "10000");
    fields.put("msg", "Success");
    return fields;
  }
}
