package io.facecheck.worker.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.Signer;
import java.util.concurrent.atomic.AtomicInteger;

/** The plain SDK client and ours, each counting the private-key signatures it asks for. */
final class CountingClients {

  private CountingClients() {}

  static AlipayConfig config(String gatewayUrl, String appId, String alipayPublicKey) {
    AlipayConfig config = new AlipayConfig();
    config.setServerUrl(gatewayUrl);
    config.setAppId(appId);
    config.setPrivateKey(TestKeys.privateKey(TestKeys.APP));
    config.setAlipayPublicKey(alipayPublicKey);
    config.setSignType("RSA2");
    config.setCharset("UTF-8");
    config.setFormat("json");
    return config;
  }

  interface Counting {
    /** Signatures since construction (the constructor's own are not counted). */
    int signatures();
  }

  static final class Sdk extends DefaultAlipayClient implements Counting {
    private final AtomicInteger signatures = new AtomicInteger();

    Sdk(AlipayConfig config) throws AlipayApiException {
      super(config);
    }

    @Override
    public Signer getSigner() {
      return counted(super.getSigner(), signatures);
    }

    @Override
    public int signatures() {
      return signatures.get();
    }
  }

  static final class Caching extends KeyCachingAlipayClient implements Counting {
    // null while the constructor runs its one self-check
    private final AtomicInteger signatures = new AtomicInteger();

    Caching(AlipayConfig config) throws AlipayApiException {
      super(config);
    }

    @Override
    public Signer getSigner() {
      return counted(super.getSigner(), signatures);
    }

    @Override
    public int signatures() {
      return signatures.get();
    }
  }

  private static Signer counted(Signer signer, AtomicInteger count) {
    return (content, signType, charset) -> {
      if (count != null) {
        count.incrementAndGet();
      }
      return signer.sign(content, signType, charset);
    };
  }
}
