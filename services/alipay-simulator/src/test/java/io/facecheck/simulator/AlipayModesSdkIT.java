package io.facecheck.simulator;

import static io.facecheck.simulator.TestApps.initialize;
import static io.facecheck.simulator.TestApps.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.request.AlipayUserCertifyOpenCertifyRequest;
import com.alipay.api.response.AlipayUserCertifyOpenInitializeResponse;
import com.alipay.api.response.AlipayUserCertifyOpenQueryResponse;
import io.facecheck.simulator.signing.RsaKeys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The unmodified SDK, configured as merchants configure it, in each of the four combinations
 * (public key or certificate, clear or AES-encrypted content), four apps side by side on one
 * simulator, each with its own keys and mode.
 */
class AlipayModesSdkIT {
  private static AlipaySimulator sim;
  private static final KeyPair KEYS = RsaKeys.generate();

  @BeforeAll
  static void start() {
    sim = AlipaySimulator.start(SimulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @ParameterizedTest(name = "certificate={0}, encrypted={1}")
  @CsvSource({"false,false", "false,true", "true,false", "true,true"})
  void initializeCertifyPageAndQueryWork(boolean certificate, boolean encrypted) throws Exception {
    ModeClients app =
        ModeClients.register(sim, appId(certificate, encrypted), KEYS, certificate, encrypted);

    AlipayUserCertifyOpenInitializeResponse init =
        app.call(initialize(order(), "https://merchant.example/back"));
    assertThat(init.isSuccess()).as(init.getBody()).isTrue();
    assertThat(init.getCertifyId()).hasSize(32);

    AlipayUserCertifyOpenCertifyRequest certify = new AlipayUserCertifyOpenCertifyRequest();
    certify.setBizContent("{\"certify_id\":\"" + init.getCertifyId() + "\"}");
    String url = app.client().pageExecute(certify, "GET").getBody();
    assertThat(url.contains("app_cert_sn=")).isEqualTo(certificate);
    String page = new RawGateway(url).send(HttpRequest.newBuilder(URI.create(url)).build()).body();
    assertThat(page).contains("id=\"pass\"");

    assertThat(app.call(query(init.getCertifyId())).getPassed()).isEqualTo("F");
    sim.complete(init.getCertifyId(), true, false);
    AlipayUserCertifyOpenQueryResponse after = app.call(query(init.getCertifyId()));
    assertThat(after.isSuccess()).isTrue();
    assertThat(after.getPassed()).isEqualTo("T");
  }

  static String appId(boolean certificate, boolean encrypted) {
    return "20210000000"
        + (certificate ? "1" : "0")
        + (encrypted ? "1" : "0")
        + "0"
        + (System.nanoTime() % 100);
  }

  static String order() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
