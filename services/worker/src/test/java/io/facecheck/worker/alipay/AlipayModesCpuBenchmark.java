package io.facecheck.worker.alipay;

import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayUserCertifyOpenCertifyModel;
import com.alipay.api.domain.AlipayUserCertifyOpenInitializeModel;
import com.alipay.api.domain.AlipayUserCertifyOpenQueryModel;
import com.alipay.api.domain.OpenCertifyIdentityParam;
import com.alipay.api.domain.OpenCertifyMerchantConfig;
import com.alipay.api.internal.util.AlipayLogger;
import com.alipay.api.request.AlipayUserCertifyOpenCertifyRequest;
import com.alipay.api.request.AlipayUserCertifyOpenInitializeRequest;
import com.alipay.api.request.AlipayUserCertifyOpenQueryRequest;
import com.alipay.api.response.AlipayUserCertifyOpenInitializeResponse;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.worker.support.TestIdentities;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * CPU per verification (initialize + certify URL + query) in each mode, the plain SDK client
 * against the worker's {@link KeyCachingAlipayClient}, one calling thread against the embedded
 * simulator. "client" is the calling thread's CPU time (the SDK's HTTP call runs on it); "whole
 * JVM" adds the simulator (one RSA verify and one RSA sign per call), GC and JIT. Prints figures,
 * asserts nothing about time. Not part of {@code verify}: {@code ./mvnw -B -o -pl services/worker
 * -Pbench verify -Dit.test=AlipayModesCpuBenchmark [-Dbenchmark.verifications=500
 * -Dbenchmark.warmup=500]}.
 */
class AlipayModesCpuBenchmark {
  private static final int VERIFICATIONS = Integer.getInteger("benchmark.verifications", 500);
  private static final int WARMUP = Integer.getInteger("benchmark.warmup", 500);
  private static final AlipayHttpSettings HTTP =
      new AlipayHttpSettings(
          Duration.ofSeconds(3), Duration.ofSeconds(15), 4, Duration.ofSeconds(10));

  @Test
  void cpuPerVerificationInEachMode() throws Exception {
    AlipayLogger.setNeedEnableLogger(false);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (AlipaySimulator sim = AlipaySimulator.start(SimulatorConfig.defaults().withPort(0))) {
      KeyPair keys = ModeApps.rsa();
      List<AlipayApp> apps =
          List.of(
              ModeApps.register(
                  sim, "public-key", "2021000000098001", keys, AlipayMode.PUBLIC_KEY, null),
              ModeApps.register(
                  sim,
                  "public-key+AES",
                  "2021000000098002",
                  keys,
                  AlipayMode.PUBLIC_KEY,
                  ModeApps.aesKey()),
              ModeApps.register(
                  sim, "certificate", "2021000000098003", keys, AlipayMode.CERTIFICATE, null),
              ModeApps.register(
                  sim,
                  "certificate+AES",
                  "2021000000098004",
                  keys,
                  AlipayMode.CERTIFICATE,
                  ModeApps.aesKey()));
      System.out.printf(
          "%nCPU per verification (initialize + certify URL + query), %d verifications after %d"
              + " warm-up, 1 caller, load average %.1f at start%n",
          VERIFICATIONS, WARMUP, os.getSystemLoadAverage());
      System.out.printf(
          "| mode | client | client CPU ms | whole JVM CPU ms |%n|---|---|---|---|%n");
      for (AlipayApp app : apps) {
        for (boolean caching : new boolean[] {false, true}) {
          AlipayClient client =
              caching
                  ? new KeyCachingAlipayClient(AlipayClients.sdkConfig(app, HTTP))
                  : new DefaultAlipayClient(AlipayClients.sdkConfig(app, HTTP));
          run(client, app, WARMUP);
          long thread0 = threads.getCurrentThreadCpuTime();
          long process0 = os.getProcessCpuTime();
          run(client, app, VERIFICATIONS);
          long thread = threads.getCurrentThreadCpuTime() - thread0;
          long process = os.getProcessCpuTime() - process0;
          System.out.printf(
              Locale.ROOT,
              "| %s | %s | %.2f | %.2f |%n",
              app.name(),
              caching ? "KeyCachingAlipayClient" : "DefaultAlipayClient",
              thread / 1e6 / VERIFICATIONS,
              process / 1e6 / VERIFICATIONS);
        }
      }
      System.out.printf("load average %.1f at the end%n", os.getSystemLoadAverage());
    }
  }

  private static void run(AlipayClient client, AlipayApp app, int verifications) throws Exception {
    for (int i = 0; i < verifications; i++) {
      AlipayUserCertifyOpenInitializeResponse init =
          call(client, app, initialize(UUID.randomUUID().toString().replace("-", "")));
      if (!init.isSuccess()) {
        throw new AssertionError(app.name() + ": " + init.getSubCode());
      }
      AlipayUserCertifyOpenCertifyModel certify = new AlipayUserCertifyOpenCertifyModel();
      certify.setCertifyId(init.getCertifyId());
      AlipayUserCertifyOpenCertifyRequest page = new AlipayUserCertifyOpenCertifyRequest();
      page.setBizModel(certify);
      client.pageExecute(page, "GET");
      AlipayUserCertifyOpenQueryModel queryModel = new AlipayUserCertifyOpenQueryModel();
      queryModel.setCertifyId(init.getCertifyId());
      AlipayUserCertifyOpenQueryRequest query = new AlipayUserCertifyOpenQueryRequest();
      query.setBizModel(queryModel);
      if (!call(client, app, query).isSuccess()) {
        throw new AssertionError(app.name() + ": query failed");
      }
    }
  }

  /** The plain SDK client called as a merchant would in that mode; ours follows the mode itself. */
  private static <T extends AlipayResponse> T call(
      AlipayClient client, AlipayApp app, AlipayRequest<T> request) throws Exception {
    if (client instanceof KeyCachingAlipayClient) {
      return client.execute(request);
    }
    request.setNeedEncrypt(app.encrypted());
    return app.mode() == AlipayMode.CERTIFICATE
        ? client.certificateExecute(request)
        : client.execute(request);
  }

  private static AlipayUserCertifyOpenInitializeRequest initialize(String outerOrderNo) {
    OpenCertifyIdentityParam identity = new OpenCertifyIdentityParam();
    identity.setIdentityType("CERT_INFO");
    identity.setCertType("IDENTITY_CARD");
    identity.setCertName(TestIdentities.certName());
    identity.setCertNo(TestIdentities.certNo());
    OpenCertifyMerchantConfig merchant = new OpenCertifyMerchantConfig();
    merchant.setReturnUrl("https://merchant.example/back");
    AlipayUserCertifyOpenInitializeModel model = new AlipayUserCertifyOpenInitializeModel();
    model.setOuterOrderNo(outerOrderNo);
    model.setBizCode("FACE");
    model.setIdentityParam(identity);
    model.setMerchantConfig(merchant);
    AlipayUserCertifyOpenInitializeRequest request = new AlipayUserCertifyOpenInitializeRequest();
    request.setBizModel(model);
    return request;
  }
}
