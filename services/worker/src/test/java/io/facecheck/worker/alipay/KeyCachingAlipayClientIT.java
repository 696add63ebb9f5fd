package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.alipay.api.AlipayApiErrorEnum;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.domain.AlipayUserCertifyOpenInitializeModel;
import com.alipay.api.domain.AlipayUserCertifyOpenQueryModel;
import com.alipay.api.domain.OpenCertifyIdentityParam;
import com.alipay.api.domain.OpenCertifyMerchantConfig;
import com.alipay.api.request.AlipayUserCertifyOpenInitializeRequest;
import com.alipay.api.request.AlipayUserCertifyOpenQueryRequest;
import com.alipay.api.response.AlipayUserCertifyOpenInitializeResponse;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.simulator.scenario.Fault;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.worker.support.TestIdentities;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link KeyCachingAlipayClient} against the real SDK client, through the simulator. */
class KeyCachingAlipayClientIT {

  private static final String APP_ID = "2021000000000201";
  private static AlipaySimulator simulator;

  @BeforeAll
  static void start() {
    simulator = AlipaySimulator.start(SimulatorConfig.defaults().withPort(0));
    simulator.registerApp(APP_ID, TestKeys.publicKey(TestKeys.APP));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @AfterEach
  void calm() {
    simulator.setScenario(Scenario.none());
  }

  @Test
  void answersAsTheSdkDoesWithOnePrivateKeySignaturePerCallInsteadOfTwo() throws Exception {
    CountingClients.Sdk sdk = new CountingClients.Sdk(config(simulator.alipayPublicKeyBase64()));
    CountingClients.Caching ours =
        new CountingClients.Caching(config(simulator.alipayPublicKeyBase64()));
    String outerOrderNo = UUID.randomUUID().toString().replace("-", "");

    AlipayUserCertifyOpenInitializeResponse bySdk = sdk.execute(initialize(outerOrderNo));
    AlipayUserCertifyOpenInitializeResponse byUs = ours.execute(initialize(outerOrderNo));

    assertThat(bySdk.isSuccess()).isTrue();
    assertThat(byUs.isSuccess()).isTrue();
    // same outer_order_no, same certification: both requests were accepted as signed by the app
    assertThat(byUs.getCertifyId()).isEqualTo(bySdk.getCertifyId());
    assertThat(ours.execute(query(byUs.getCertifyId())).isSuccess()).isTrue();
    assertThat(sdk.signatures()).isEqualTo(2); // the request + the key-pair self-check
    assertThat(ours.signatures()).isEqualTo(2); // the two requests only
  }

  @Test
  void aClientConfiguredWithItsOwnPublicKeyAsAlipaysIsStillRefusedOnEveryVerifiedResponse()
      throws Exception {
    // the simulator accepts the request (signed by the app) and signs its answer with its own key
    String ownPublicKey = TestKeys.publicKey(TestKeys.APP);
    Throwable bySdk = refusal(new CountingClients.Sdk(config(ownPublicKey)));
    KeyCachingAlipayClient client = new KeyCachingAlipayClient(config(ownPublicKey));
    Throwable byUs = refusal(client);
    Throwable again = refusal(client);

    assertThat(bySdk)
        .isInstanceOf(AlipayApiException.class)
        .hasMessageContaining(AlipayApiErrorEnum.CHECK_ALIPAY_PUBLIC_KEY_ERROR.getErrMsg());
    assertThat(byUs).isInstanceOf(AlipayApiException.class).hasMessage(bySdk.getMessage());
    assertThat(again).isInstanceOf(AlipayApiException.class).hasMessage(bySdk.getMessage());
  }

  @Test
  void aBadResponseSignatureFailsAsItFailsInTheSdk() throws Exception {
    simulator.setScenario(
        Scenario.none()
            .withFaults(GatewayMethods.INITIALIZE, MethodFaults.of(Fault.BAD_SIGNATURE, 1.0)));
    Throwable bySdk = refusal(new CountingClients.Sdk(config(simulator.alipayPublicKeyBase64())));
    Throwable byUs = refusal(new KeyCachingAlipayClient(config(simulator.alipayPublicKeyBase64())));
    assertThat(bySdk).isInstanceOf(AlipayApiException.class).hasMessageContaining("sign check");
    assertThat(byUs).isInstanceOf(AlipayApiException.class).hasMessage(bySdk.getMessage());
  }

  private static Throwable refusal(AlipayClient client) {
    return catchThrowable(
        () -> client.execute(initialize(UUID.randomUUID().toString().replace("-", ""))));
  }

  private static com.alipay.api.AlipayConfig config(String alipayPublicKey) {
    return CountingClients.config(simulator.gatewayUrl(), APP_ID, alipayPublicKey);
  }

  static AlipayUserCertifyOpenInitializeRequest initialize(String outerOrderNo) {
    OpenCertifyIdentityParam identity = new OpenCertifyIdentityParam();
    identity.setIdentityType("CERT_INFO");
    identity.setCertType("IDENTITY_CARD");
    identity.setCertName(TestIdentities.certName());
    identity.setCertNo(TestIdentities.certNo());
    OpenCertifyMerchantConfig merchant = new OpenCertifyMerchantConfig();
    merchant.setReturnUrl("http://localhost:8080/v1/callbacks/alipay/return?token=t");
    AlipayUserCertifyOpenInitializeModel model = new AlipayUserCertifyOpenInitializeModel();
    model.setOuterOrderNo(outerOrderNo);
    model.setBizCode("FACE");
    model.setIdentityParam(identity);
    model.setMerchantConfig(merchant);
    AlipayUserCertifyOpenInitializeRequest request = new AlipayUserCertifyOpenInitializeRequest();
    request.setBizModel(model);
    return request;
  }

  static AlipayUserCertifyOpenQueryRequest query(String certifyId) {
    AlipayUserCertifyOpenQueryModel model = new AlipayUserCertifyOpenQueryModel();
    model.setCertifyId(certifyId);
    AlipayUserCertifyOpenQueryRequest request = new AlipayUserCertifyOpenQueryRequest();
    request.setBizModel(model);
    return request;
  }
}
