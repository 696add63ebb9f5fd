package io.facecheck.simulator.gateway;

import io.facecheck.simulator.Fault;
import io.facecheck.simulator.GatewayMethods;
import io.facecheck.simulator.certification.Certification;
import io.facecheck.simulator.certification.CertificationRegistry;
import io.facecheck.simulator.http.IncomingRequest;
import io.facecheck.simulator.http.Reply;
import io.facecheck.simulator.page.CertifyPage;
import io.facecheck.simulator.scenario.CallPlan;
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
      Clock clock,
      Settings settings,
      Consumer<Certification> onCreated,
      Executor signingPool) {
    this.authenticator = new RequestAuthenticator(apps, clock);
    this.api = new CertifyOpenApi(registry, onCreated);
    this.envelope = new ResponseEnvelope(alipayPrivateKey);
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
            signing(plan));
    return json(body, request.charsetLabel()).withDelay(plan.delayMs());
  }

  private record Answer(Map<String, String> fields, SignAlgorithm algorithm, String outcome) {
    static Answer error(GatewayError error, SignAlgorithm algorithm) {
      return new Answer(ResponseEnvelope.errorFields(error), algorithm, error.subCode());
    }
  }

  private Answer answer(GatewayRequest request, String method, CallPlan plan) {
    GatewayError injected = injectedError(plan);
    if (injected != null) {
      // not processed: answered before authentication, like Alipay's own front door (or, for an
      // unsigned error, like a forger in front of it)
      return Answer.error(
          injected,
          SignAlgorithm.fromSignType(request.get("sign_type")).orElse(SignAlgorithm.RSA2));
    }
    RequestAuthenticator.Outcome auth =
        authenticator.authenticate(request, settings.timestampTolerance());
    if (auth.failed()) {
      return Answer.error(auth.error(), auth.algorithm());
    }
    String appId = auth.caller().appId();
    try {
      Map<String, String> fields =
          GatewayMethods.INITIALIZE.equals(method)
              ? api.initialize(appId, request.get("biz_content"))
              : api.query(appId, request.get("biz_content"));
      return new Answer(fields, auth.algorithm(), CallStats.SUCCESS);
    } catch (BusinessContent.Invalid e) {
      return Answer.error(e.error, auth.algorithm());
    }
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
      Certification certification = api.find(auth.caller().appId(), request.get("biz_content"));
      stats.record(GatewayMethods.CERTIFY, CallStats.SUCCESS);
      return Reply.html(
          200,
          certification.status().isFinal()
              ? CertifyPage.finished(certification)
              : CertifyPage.scan(certification));
    } catch (BusinessContent.Invalid e) {
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
