package io.facecheck.worker.query.alipay;

import com.alipay.api.AlipayClient;
import com.alipay.api.domain.AlipayUserCertifyOpenQueryModel;
import com.alipay.api.request.AlipayUserCertifyOpenQueryRequest;
import com.alipay.api.response.AlipayUserCertifyOpenQueryResponse;
import io.facecheck.worker.alipay.AlipayClients;
import io.facecheck.worker.alipay.AlipayMode;
import io.facecheck.worker.alipay.AlipayOperation;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AlipayOutcomeClassifier;
import io.facecheck.worker.alipay.AlipayRetry;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.query.CertificationQuery;
import io.facecheck.worker.query.QueryAnswer;

/** alipay.user.certify.open.query through the SDK: passed "T" or "F", and fail_reason. */
public final class AlipayCertificationQuery implements CertificationQuery {

  private final AlipayClients clients;
  private final AlipayRetry retry;

  public AlipayCertificationQuery(AlipayClients clients, AlipayRetry retry) {
    this.clients = clients;
    this.retry = retry;
  }

  @Override
  public boolean knowsApp(String app) {
    return clients.forApp(app).isPresent();
  }

  @Override
  public AttemptedCall<QueryAnswer> query(String app, String certifyId) {
    AlipayClient client =
        clients.forApp(app).orElseThrow(() -> new IllegalArgumentException("no Alipay app " + app));
    AlipayMode mode = clients.modeOf(app);
    return retry.call(app, AlipayOperation.QUERY, () -> once(client, mode, certifyId));
  }

  private static AlipayOutcome<QueryAnswer> once(
      AlipayClient client, AlipayMode mode, String certifyId) {
    AlipayUserCertifyOpenQueryModel model = new AlipayUserCertifyOpenQueryModel();
    model.setCertifyId(certifyId);
    AlipayUserCertifyOpenQueryRequest request = new AlipayUserCertifyOpenQueryRequest();
    request.setBizModel(model);
    try {
      AlipayUserCertifyOpenQueryResponse response = client.execute(request);
      return AlipayOutcomeClassifier.classify(mode, response, AlipayCertificationQuery::answer);
    } catch (Exception e) {
      return AlipayOutcomeClassifier.classify(AlipayOperation.QUERY, e);
    }
  }

  /** Null (a malformed success) unless passed is "T" or "F". */
  private static QueryAnswer answer(AlipayUserCertifyOpenQueryResponse response) {
    String passed = response.getPassed();
    if ("T".equals(passed)) {
      return new QueryAnswer(true, null);
    }
    return "F".equals(passed) ? new QueryAnswer(false, response.getFailReason()) : null;
  }
}
