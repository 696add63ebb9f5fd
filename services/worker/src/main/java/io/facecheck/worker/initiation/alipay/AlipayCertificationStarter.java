package io.facecheck.worker.initiation.alipay;

import com.alipay.api.AlipayClient;
import com.alipay.api.domain.AlipayUserCertifyOpenCertifyModel;
import com.alipay.api.domain.AlipayUserCertifyOpenInitializeModel;
import com.alipay.api.domain.OpenCertifyIdentityParam;
import com.alipay.api.domain.OpenCertifyMerchantConfig;
import com.alipay.api.request.AlipayUserCertifyOpenCertifyRequest;
import com.alipay.api.request.AlipayUserCertifyOpenInitializeRequest;
import com.alipay.api.response.AlipayUserCertifyOpenInitializeResponse;
import io.facecheck.worker.alipay.AlipayClients;
import io.facecheck.worker.alipay.AlipayMode;
import io.facecheck.worker.alipay.AlipayOperation;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AlipayOutcomeClassifier;
import io.facecheck.worker.alipay.AlipayRetry;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.initiation.CertificationStarter;
import io.facecheck.worker.initiation.IssuedCertification;
import io.facecheck.worker.initiation.StartCertification;

/**
 * alipay.user.certify.open.initialize through the SDK, then the certify URL signed locally with
 * {@code pageExecute(…, "GET")} (no network call). Each attempt repeats the same outer_order_no.
 */
public final class AlipayCertificationStarter implements CertificationStarter {

  private final AlipayClients clients;
  private final AlipayRetry retry;

  public AlipayCertificationStarter(AlipayClients clients, AlipayRetry retry) {
    this.clients = clients;
    this.retry = retry;
  }

  @Override
  public boolean knowsApp(String app) {
    return clients.forApp(app).isPresent();
  }

  @Override
  public AttemptedCall<IssuedCertification> start(StartCertification command) {
    AlipayClient client =
        clients
            .forApp(command.app())
            .orElseThrow(() -> new IllegalArgumentException("no Alipay app " + command.app()));
    AlipayMode mode = clients.modeOf(command.app());
    return retry.call(
        command.app(), AlipayOperation.INITIALIZE, () -> initialize(client, mode, command));
  }

  private static AlipayOutcome<IssuedCertification> initialize(
      AlipayClient client, AlipayMode mode, StartCertification command) {
    AlipayUserCertifyOpenInitializeRequest request = new AlipayUserCertifyOpenInitializeRequest();
    request.setBizModel(initializeModel(command));
    AlipayOutcome<String> initialized;
    try {
      AlipayUserCertifyOpenInitializeResponse response = client.execute(request);
      initialized =
          AlipayOutcomeClassifier.classify(
              mode, response, AlipayUserCertifyOpenInitializeResponse::getCertifyId);
    } catch (Exception e) {
      initialized = AlipayOutcomeClassifier.classify(AlipayOperation.INITIALIZE, e);
    }
    if (initialized instanceof AlipayOutcome.Succeeded<String> succeeded) {
      return certifyUrl(client, succeeded.value());
    }
    return recast(initialized);
  }

  private static AlipayOutcome<IssuedCertification> certifyUrl(
      AlipayClient client, String certifyId) {
    AlipayUserCertifyOpenCertifyModel model = new AlipayUserCertifyOpenCertifyModel();
    model.setCertifyId(certifyId);
    AlipayUserCertifyOpenCertifyRequest request = new AlipayUserCertifyOpenCertifyRequest();
    request.setBizModel(model);
    try {
      String url = client.pageExecute(request, "GET").getBody();
      return url == null || url.isBlank()
          ? new AlipayOutcome.ProviderConfig<>("CLIENT", "pageExecute returned no certify URL")
          : new AlipayOutcome.Succeeded<>(new IssuedCertification(certifyId, url));
    } catch (Exception e) {
      // signing locally failed: the keys, not Alipay
      return AlipayOutcomeClassifier.classify(AlipayOperation.INITIALIZE, e);
    }
  }

  private static AlipayUserCertifyOpenInitializeModel initializeModel(StartCertification command) {
    OpenCertifyIdentityParam identity = new OpenCertifyIdentityParam();
    identity.setIdentityType("CERT_INFO");
    identity.setCertType(command.certType().name());
    identity.setCertName(command.certName());
    identity.setCertNo(command.certNo());
    OpenCertifyMerchantConfig merchant = new OpenCertifyMerchantConfig();
    merchant.setReturnUrl(command.returnUrl());
    AlipayUserCertifyOpenInitializeModel model = new AlipayUserCertifyOpenInitializeModel();
    model.setOuterOrderNo(command.outerOrderNo());
    model.setBizCode(command.bizCode().name());
    model.setIdentityParam(identity);
    model.setMerchantConfig(merchant);
    return model;
  }

  @SuppressWarnings("unchecked")
  private static <T> AlipayOutcome<T> recast(AlipayOutcome<?> failed) {
    // every case but Succeeded carries no value, so its type parameter is free
    return (AlipayOutcome<T>) failed;
  }
}
