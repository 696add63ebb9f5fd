package io.facecheck.simulator.gateway;

import io.facecheck.simulator.certificates.AlipayCertificates;
import io.facecheck.simulator.certificates.Pem;
import io.facecheck.simulator.certificates.SigningCertificate;
import io.facecheck.simulator.certification.Certification;
import io.facecheck.simulator.certification.CertificationRegistry;
import io.facecheck.simulator.encryption.AesContent;
import io.facecheck.simulator.http.IncomingRequest;
import io.facecheck.simulator.http.Reply;
import io.facecheck.simulator.page.CertifyPage;
import io.facecheck.simulator.scenario.CallPlan;
import io.facecheck.simulator.scenario.Fault;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.ScenarioEngine;
import io.facecheck.simulator.signing.SignAlgorithm;
import io.facecheck.simulator.stats.CallStats;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * /gateway.do: decode, apply the scenario, authenticate, run the API, sign. RSA work runs on a
 * pool.
 */
public final class GatewayEndpoint {
  /** Settings the gateway needs beyond its collaborators. */
  public record Settings(Duration timestampTolerance, Duration certifyUrlValidity) {}

  private final RequestAuthenticator authenticator;
  private final CertifyOpenApi api;
  private final ResponseEnvelope envelope;
  private final AlipayCertificates certificates;
  private final RegisteredApps apps;
  private final ScenarioEngine scenario;
  private final CallStats stats;
  private final Settings settings;
  private final Executor signingPool;

  public GatewayEndpoint(
      RegisteredApps apps,
      CertificationRegistry registry,
      ScenarioEngine scenario,
      CallStats stats,
      PrivateKey alipayPrivateKey,
      AlipayCertificates certificates,
      Clock clock,
      Settings settings,
      Consumer<Certification> onCreated,
      Executor signingPool) {
    this.authenticator = new RequestAuthenticator(apps, certificates::rootCertSn, clock);
    this.api = new CertifyOpenApi(registry, onCreated);
    this.envelope = new ResponseEnvelope(alipayPrivateKey);
    this.certificates = certificates;
    this.apps = apps;
    this.scenario = scenario;
    this.stats = stats;
    this.settings = settings;
    this.signingPool = signingPool;
  }

  public CompletionStage<Reply> handle(IncomingRequest request) {
    return CompletableFuture.supplyAsync(() -> process(request), signingPool);
  }

  private Reply process(IncomingRequest incoming) {
    GatewayRequest request;
    try {
      request =
          GatewayRequest.decode(
              incoming.rawQuery().getBytes(StandardCharsets.ISO_8859_1), incoming.body());
    } catch (GatewayRequest.Undecodable e) {
      stats.record(null, e.error.subCode());
      return json(
          envelope.build(
              ResponseEnvelope.nodeFor(null),
              ResponseEnvelope.errorFields(e.error),
              SignAlgorithm.RSA2,
              StandardCharsets.UTF_8,
              ResponseEnvelope.Signing.SIGNED),
          "utf-8");
    }
    String method = request.get("method");
    if (GatewayMethods.CERTIFY.equals(method)) {
      return certifyPage(request);
    }
    boolean served = method != null && GatewayMethods.ALL.contains(method);
    CallPlan plan = served ? scenario.plan(method) : CallPlan.NORMAL;
    if (plan.fault() == Fault.HTTP_502) {
      stats.record(method, outcomeOf(plan));
      return Reply.html(502, "<html><body><h1>502 Bad Gateway</h1></body></html>")
          .withDelay(plan.delayMs());
    }
    Answer answer = answer(request, method, plan);
    stats.record(method, plan.fault() != null ? outcomeOf(plan) : answer.outcome());
    String body =
        envelope.build(
            served ? ResponseEnvelope.nodeFor(method) : ResponseEnvelope.nodeFor(null),
            answer.fields(),
            answer.algorithm(),
            request.charset(),
            signing(plan),
            signer(request, answer.app()),
            answer.encryptWith());
    return json(body, request.charsetLabel()).withDelay(plan.delayMs());
  }

  /**
   * The answer's fields, how it is signed, and, when the request's content was decrypted, the key
   * that encrypts the response (errors found before decryption go back in clear).
   */
  private record Answer(
      Map<String, String> fields,
      SignAlgorithm algorithm,
      String outcome,
      RegisteredApp app,
      AesContent encryptWith) {
    static Answer error(
        GatewayError error, SignAlgorithm algorithm, RegisteredApp app, AesContent encryptWith) {
      return new Answer(
          ResponseEnvelope.errorFields(error), algorithm, error.subCode(), app, encryptWith);
    }
  }

  /**
   * Certificate-mode apps, and callers that sent an app_cert_sn for an app the gateway does not
   * know, get responses signed under the current Alipay certificate, with its SN.
   */
  private ResponseEnvelope.Signer signer(GatewayRequest request, RegisteredApp app) {
    boolean certificateMode =
        app != null
            ? app.mode() == AppMode.CERTIFICATE
            : request.get("app_cert_sn") != null && !request.get("app_cert_sn").isEmpty();
    if (!certificateMode) {
      return ResponseEnvelope.Signer.publicKeyMode(envelope.publicKeyModeKey());
    }
    SigningCertificate current = certificates.current();
    return new ResponseEnvelope.Signer(current.privateKey(), current.sn());
  }

  private Answer answer(GatewayRequest request, String method, CallPlan plan) {
    GatewayError injected = injectedError(plan);
    if (injected != null) {
      // not processed: answered before authentication, like Alipay's own front door (or, for an
      // unsigned error, like a forger in front of it)
      RegisteredApp app = apps.find(request.get("app_id")).orElse(null);
      return Answer.error(
          injected,
          SignAlgorithm.fromSignType(request.get("sign_type")).orElse(SignAlgorithm.RSA2),
          app,
          ContentDecryption.replyKey(request, app));
    }
    RequestAuthenticator.Outcome auth =
        authenticator.authenticate(request, settings.timestampTolerance());
    if (auth.failed()) {
      return Answer.error(
          auth.error(),
          auth.algorithm(),
          auth.app(),
          ContentDecryption.replyKey(request, auth.app()));
    }
    ContentDecryption.Decrypted content;
    try {
      content = ContentDecryption.decrypt(request, auth.app());
    } catch (ContentDecryption.Failed e) {
      // the app's key does not fit what the caller sent: a reply it could read is impossible
      return Answer.error(e.error, auth.algorithm(), auth.app(), null);
    }
    String appId = auth.caller().appId();
    try {
      Map<String, String> fields =
          switch (method) {
            case GatewayMethods.INITIALIZE -> api.initialize(appId, content.bizContent());
            case GatewayMethods.ALIPAY_CERT_DOWNLOAD -> alipayCertificate(content.bizContent());
            default -> api.query(appId, content.bizContent());
          };
      return new Answer(
          fields, auth.algorithm(), CallStats.SUCCESS, auth.app(), content.encryptWith());
    } catch (BusinessContent.Invalid e) {
      return new Answer(
          ResponseEnvelope.errorFields(e.error),
          auth.algorithm(),
          e.error.subCode(),
          auth.app(),
          content.encryptWith());
    }
  }

  /** alipay.open.app.alipaycert.download: the PEM of a live Alipay certificate, Base64. */
  private Map<String, String> alipayCertificate(String bizContent) throws BusinessContent.Invalid {
    String sn = BusinessContent.parse(bizContent).requiredText("alipay_cert_sn");
    SigningCertificate certificate =
        certificates
            .bySn(sn)
            .orElseThrow(() -> new BusinessContent.Invalid("CERT_NOT_EXIST", "支付宝公钥证书不存在"));
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("code", "10000");
    fields.put("msg", "Success");
    fields.put(
        "alipay_cert_content",
        java.util.Base64.getEncoder()
            .encodeToString(Pem.of(certificate.certificate()).getBytes(StandardCharsets.US_ASCII)));
    return fields;
  }

  /** The error a fault answers in place of the call, or null when the call is processed. */
  private static GatewayError injectedError(CallPlan plan) {
    if (plan.fault() == null) {
      return null;
    }
    return switch (plan.fault()) {
      case SYSTEM_ERROR -> GatewayError.systemError();
      case ERROR_ANSWER -> GatewayError.injected(plan.errorAnswer());
      case UNSIGNED_ERROR -> GatewayError.forged(plan.unsignedError());
      default -> null;
    };
  }

  private static ResponseEnvelope.Signing signing(CallPlan plan) {
    if (plan.fault() == Fault.BAD_SIGNATURE) {
      return ResponseEnvelope.Signing.CORRUPTED;
    }
    if (plan.fault() != Fault.UNSIGNED_ERROR) {
      return ResponseEnvelope.Signing.SIGNED;
    }
    return switch (plan.unsignedError().sign()) {
      case ABSENT -> ResponseEnvelope.Signing.ABSENT;
      case EMPTY -> ResponseEnvelope.Signing.EMPTY;
      case WRONG -> ResponseEnvelope.Signing.CORRUPTED;
      case REPLAYED -> ResponseEnvelope.Signing.REPLAYED;
    };
  }

  private Reply certifyPage(GatewayRequest request) {
    RequestAuthenticator.Outcome auth =
        authenticator.authenticate(request, settings.certifyUrlValidity());
    if (auth.failed()) {
      return pageError(auth.error());
    }
    try {
      Certification certification =
          api.find(
              auth.caller().appId(), ContentDecryption.decrypt(request, auth.app()).bizContent());
      stats.record(GatewayMethods.CERTIFY, CallStats.SUCCESS);
      return Reply.html(
          200,
          certification.status().isFinal()
              ? CertifyPage.finished(certification)
              : CertifyPage.scan(certification));
    } catch (BusinessContent.Invalid e) {
      return pageError(e.error);
    } catch (ContentDecryption.Failed e) {
      return pageError(e.error);
    }
  }

  private Reply pageError(GatewayError error) {
    stats.record(GatewayMethods.CERTIFY, error.subCode());
    return Reply.html(200, CertifyPage.error(error.code(), error.subCode(), error.subMsg()));
  }

  private static String outcomeOf(CallPlan plan) {
    return (plan.outage() ? "outage." : "") + plan.fault().wireName();
  }

  private static Reply json(String body, String charsetLabel) {
    java.nio.charset.Charset charset;
    try {
      charset = java.nio.charset.Charset.forName(charsetLabel);
    } catch (IllegalArgumentException e) {
      charset = StandardCharsets.UTF_8;
    }
    return new Reply(
        200, "application/json;charset=" + charsetLabel, body.getBytes(charset), Map.of(), 0);
  }
}
