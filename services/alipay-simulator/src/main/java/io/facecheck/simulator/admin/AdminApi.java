package io.facecheck.simulator.admin;

import io.facecheck.simulator.certificates.AlipayCertificates;
import io.facecheck.simulator.certificates.Pem;
import io.facecheck.simulator.certification.CertificationRegistry;
import io.facecheck.simulator.gateway.AppMode;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.simulator.gateway.RegisteredApp;
import io.facecheck.simulator.gateway.RegisteredApps;
import io.facecheck.simulator.http.IncomingRequest;
import io.facecheck.simulator.http.Reply;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.ScenarioEngine;
import io.facecheck.simulator.stats.CallStats;
import io.facecheck.simulator.stats.SimulatorStats;
import io.facecheck.simulator.user.ScanCompleter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/** Routes /sim/*. Every failure is a JSON error with a 4xx status. */
public final class AdminApi {
  private static final Pattern CERTIFICATION =
      Pattern.compile("/sim/certifications/([A-Za-z0-9]{1,64})(/complete)?");
  private static final Pattern PREVIOUS_KEYS =
      Pattern.compile("/sim/apps/([A-Za-z0-9_.-]{1,64})/previous-keys");

  private final RegisteredApps apps;
  private final String alipayPublicKey;
  private final AlipayCertificates certificates;
  private final Runnable rollAlipayCertificate;
  private final java.util.function.Function<AppRegistration, RegisteredApp> register;
  private final CertificationRegistry registry;
  private final ScanCompleter user;
  private final ScenarioEngine scenario;
  private final CallStats stats;
  private final Supplier<SimulatorStats> statsSnapshot;

  public AdminApi(
      RegisteredApps apps,
      String alipayPublicKey,
      AlipayCertificates certificates,
      Runnable rollAlipayCertificate,
      java.util.function.Function<AppRegistration, RegisteredApp> register,
      CertificationRegistry registry,
      ScanCompleter user,
      ScenarioEngine scenario,
      CallStats stats,
      Supplier<SimulatorStats> statsSnapshot) {
    this.apps = apps;
    this.alipayPublicKey = alipayPublicKey;
    this.certificates = certificates;
    this.rollAlipayCertificate = rollAlipayCertificate;
    this.register = register;
    this.registry = registry;
    this.user = user;
    this.scenario = scenario;
    this.stats = stats;
    this.statsSnapshot = statsSnapshot;
  }

  public CompletionStage<Reply> handle(IncomingRequest request) {
    try {
      return route(request);
    } catch (JacksonException e) {
      return done(error(400, "bad_request", "invalid JSON body: " + e.getOriginalMessage()));
    } catch (IllegalArgumentException e) {
      return done(error(400, "bad_request", e.getMessage()));
    }
  }

  private CompletionStage<Reply> route(IncomingRequest request) {
    String method = request.method();
    String path = request.path();
    switch (path) {
      case "/sim/apps":
        if ("POST".equals(method)) {
          AdminRequests.AppRegistration body = read(request, AdminRequests.AppRegistration.class);
          RegisteredApp app =
              register.apply(
                  new AppRegistration(
                      body.appId(),
                      body.publicKey(),
                      AppMode.parse(body.mode()),
                      body.aesKey(),
                      Boolean.TRUE.equals(body.keepPreviousKey())));
          return done(ok(view(app)));
        }
        return "GET".equals(method) ? done(ok(Map.of("app_ids", apps.appIds()))) : notAllowed();
      case "/sim/alipay-public-key":
        return "GET".equals(method)
            ? done(ok(Map.of("public_key", alipayPublicKey)))
            : notAllowed();
      case "/sim/certificates":
        return "GET".equals(method) ? done(ok(certificatesView())) : notAllowed();
      case "/sim/certificates/roll":
        if (!"POST".equals(method)) {
          return notAllowed();
        }
        rollAlipayCertificate.run();
        return done(ok(certificatesView()));
      case "/sim/scenario":
        if ("PUT".equals(method)) {
          return done(ok(scenario.set(read(request, Scenario.class))));
        }
        return "GET".equals(method) ? done(ok(scenario.current())) : notAllowed();
      case "/sim/landing":
        // a business's own page for the browser to land on after intake's redirect: what a
        // benchmark names as return_url, so the users' visits cost intake one request, not two
        return "GET".equals(method)
            ? done(Reply.html(200, "<!doctype html><title>back</title>"))
            : notAllowed();
      case "/sim/stats":
        if ("DELETE".equals(method)) {
          stats.reset();
          return done(ok(statsSnapshot.get()));
        }
        return "GET".equals(method) ? done(ok(statsSnapshot.get())) : notAllowed();
      default:
        Matcher previousKeys = PREVIOUS_KEYS.matcher(path);
        if (previousKeys.matches()) {
          if (!"DELETE".equals(method)) {
            return notAllowed();
          }
          return done(
              apps.retirePreviousKeys(previousKeys.group(1))
                  .map(app -> ok(view(app)))
                  .orElseGet(() -> error(404, "not_found", "unknown app_id")));
        }
        Matcher matcher = CERTIFICATION.matcher(path);
        if (!matcher.matches()) {
          return done(error(404, "not_found", "no such endpoint: " + method + " " + path));
        }
        return certification(request, matcher.group(1), matcher.group(2) != null);
    }
  }

  private CompletionStage<Reply> certification(
      IncomingRequest request, String certifyId, boolean complete) {
    if (!complete) {
      if (!"GET".equals(request.method())) {
        return notAllowed();
      }
      return done(
          registry
              .find(certifyId)
              .map(c -> ok(view(c)))
              .orElseGet(() -> error(404, "not_found", "unknown certify_id")));
    }
    if (!"POST".equals(request.method())) {
      return notAllowed();
    }
    AdminRequests.CompleteCertification body =
        read(request, AdminRequests.CompleteCertification.class);
    if (body.passed() == null) {
      throw new IllegalArgumentException("passed (true or false) is required");
    }
    try {
      return user.complete(
              certifyId,
              body.passed(),
              body.failReason(),
              Boolean.TRUE.equals(body.visitReturnUrl()))
          .thenApply(this::ok);
    } catch (NoSuchElementException e) {
      return done(error(404, "not_found", "unknown certify_id"));
    } catch (IllegalStateException e) {
      return done(error(409, "conflict", e.getMessage()));
    }
  }

  /** An app as registered: in certificate mode with its newest app certificate and its SN. */
  private Map<String, Object> view(RegisteredApp app) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("app_id", app.appId());
    view.put("mode", app.mode().wireName());
    view.put("encrypted", app.encryption().isPresent());
    view.put("accepted_keys", app.credentials().size());
    if (app.mode() == AppMode.CERTIFICATE) {
      view.put("app_cert_sn", app.newest().certSn());
      view.put("app_cert", Pem.of(app.newest().certificate()));
      view.put("alipay_root_cert_sn", certificates.rootCertSn());
    }
    return view;
  }

  private Map<String, Object> certificatesView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("root_cert_sn", certificates.rootCertSn());
    view.put("root_cert", certificates.rootBundlePem());
    view.put("alipay_cert_sn", certificates.current().sn());
    view.put("alipay_cert", Pem.of(certificates.current().certificate()));
    view.put("live_alipay_cert_sns", certificates.liveSns());
    return view;
  }

  private static Map<String, Object> view(io.facecheck.simulator.certification.Certification c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("certify_id", c.certifyId());
    view.put("app_id", c.appId());
    view.put("outer_order_no", c.outerOrderNo());
    view.put("status", c.status().name());
    view.put("return_url", c.returnUrl());
    view.put("created_at", c.createdAt().toString());
    return view;
  }

  private static <T> T read(IncomingRequest request, Class<T> type) {
    if (request.body().length == 0) {
      throw new IllegalArgumentException("a JSON body is required");
    }
    T value = AdminJson.MAPPER.readValue(request.body(), type);
    if (value == null) {
      throw new IllegalArgumentException("a JSON object is required");
    }
    return value;
  }

  private Reply ok(Object body) {
    return Reply.json(200, AdminJson.MAPPER.writeValueAsString(body));
  }

  private static Reply error(int status, String error, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("message", message == null ? error : message);
    return Reply.json(status, AdminJson.MAPPER.writeValueAsString(body));
  }

  private static CompletionStage<Reply> notAllowed() {
    return done(error(405, "method_not_allowed", "method not allowed on this endpoint"));
  }

  private static CompletionStage<Reply> done(Reply reply) {
    return CompletableFuture.completedFuture(reply);
  }
}
