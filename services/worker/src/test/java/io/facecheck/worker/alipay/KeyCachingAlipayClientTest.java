package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import org.junit.jupiter.api.Test;

class KeyCachingAlipayClientTest {

  private static final String GATEWAY = "http://127.0.0.1:9/gateway.do";

  @Test
  void signsAndVerifiesWithCachedKeys() throws Exception {
    KeyCachingAlipayClient client =
        new KeyCachingAlipayClient(config(TestKeys.publicKey(TestKeys.ALIPAY)));
    assertThat(client.getSigner()).isInstanceOf(CachedKeySigner.class);
    assertThat(((CachedKeySigner) client.getSigner()).hasCachedKey()).isTrue();
    assertThat(client.getSignChecker()).isInstanceOf(CachedKeySignChecker.class);
    assertThat(((CachedKeySignChecker) client.getSignChecker()).hasCachedKey()).isTrue();
  }

  @Test
  void theSelfCheckGivesTheSdksAnswer() throws Exception {
    AlipayConfig distinct = config(TestKeys.publicKey(TestKeys.ALIPAY));
    AlipayConfig ownKey = config(TestKeys.publicKey(TestKeys.APP));
    assertThat(new KeyCachingAlipayClient(distinct).checkAlipayPublicKey())
        .isEqualTo(new DefaultAlipayClient(distinct).checkAlipayPublicKey())
        .isFalse();
    assertThat(new KeyCachingAlipayClient(ownKey).checkAlipayPublicKey())
        .isEqualTo(new DefaultAlipayClient(ownKey).checkAlipayPublicKey())
        .isTrue();
  }

  @Test
  void theSelfCheckSignsOnceAtConstructionNotPerCall() throws Exception {
    AlipayConfig ownKey = config(TestKeys.publicKey(TestKeys.APP));
    CountingClients.Sdk sdk = new CountingClients.Sdk(ownKey);
    CountingClients.Caching ours = new CountingClients.Caching(ownKey);
    for (int i = 0; i < 5; i++) {
      assertThat(sdk.checkAlipayPublicKey()).isTrue();
      assertThat(ours.checkAlipayPublicKey()).isTrue();
    }
    assertThat(sdk.signatures()).isEqualTo(5);
    assertThat(ours.signatures()).isZero();
  }

  @Test
  void withoutAnAlipayPublicKeyItVerifiesNothingLikeTheSdk() throws Exception {
    AlipayConfig none = config(null);
    assertThat(new DefaultAlipayClient(none).getSignChecker()).isNull();
    assertThat(new KeyCachingAlipayClient(none).getSignChecker()).isNull();
  }

  private static AlipayConfig config(String alipayPublicKey) {
    return CountingClients.config(GATEWAY, "2021000000000101", alipayPublicKey);
  }
}
