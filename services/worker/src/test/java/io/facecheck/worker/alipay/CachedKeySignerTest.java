package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.alipay.api.DefaultSigner;
import com.alipay.api.internal.util.AlipaySignature;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CachedKeySignerTest {

  private static final String KEY = TestKeys.privateKey(TestKeys.APP);
  private static final String CONTENT =
      "app_id=2021000000000101&biz_content={\"cert_name\":\"张三\",\"outer_order_no\":\"a1\"}"
          + "&charset=UTF-8&method=alipay.user.certify.open.initialize&sign_type=RSA2";

  private final CachedKeySigner signer = new CachedKeySigner(KEY, new DefaultSigner(KEY));

  @ParameterizedTest
  @CsvSource({"RSA2, UTF-8", "RSA, UTF-8", "RSA2, GBK", "RSA, GBK", "RSA2, ''"})
  void signsByteForByteAsTheSdk(String signType, String charset) throws Exception {
    assertThat(signer.hasCachedKey()).isTrue();
    assertThat(signer.sign(CONTENT, signType, charset))
        .isEqualTo(AlipaySignature.rsaSign(CONTENT, KEY, charset, signType));
  }

  @Test
  void acceptsTheKeyWrappedAndPaddedWithWhitespaceAsTheSdkDoes() throws Exception {
    String wrapped = TestKeys.wrapped(KEY);
    CachedKeySigner fromWrapped = new CachedKeySigner(wrapped, new DefaultSigner(wrapped));
    assertThat(fromWrapped.hasCachedKey()).isTrue();
    assertThat(fromWrapped.sign(CONTENT, "RSA2", "UTF-8"))
        .isEqualTo(AlipaySignature.rsaSign(CONTENT, wrapped, "UTF-8", "RSA2"))
        .isEqualTo(signer.sign(CONTENT, "RSA2", "UTF-8"));
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    List<String> contents = List.of(CONTENT, "a=1", "b=2&c=3", "checkAlipayPublicKey");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results =
          pool.invokeAll(
              java.util.stream.IntStream.range(0, 64)
                  .mapToObj(i -> contents.get(i % contents.size()))
                  .map(
                      c ->
                          (java.util.concurrent.Callable<Boolean>)
                              () ->
                                  signer
                                      .sign(c, "RSA2", "UTF-8")
                                      .equals(AlipaySignature.rsaSign(c, KEY, "UTF-8", "RSA2")))
                  .toList());
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void emptyContentFailsExactlyAsTheSdkFails() {
    Throwable ours = catchThrowable(() -> signer.sign("", "RSA2", "UTF-8"));
    Throwable sdks = catchThrowable(() -> new DefaultSigner(KEY).sign("", "RSA2", "UTF-8"));
    assertThat(ours).isInstanceOf(RuntimeException.class).hasMessage(sdks.getMessage());
  }

  @Test
  void anUnknownCharsetFailsExactlyAsTheSdkFails() {
    Throwable ours = catchThrowable(() -> signer.sign(CONTENT, "RSA2", "NO-SUCH-CHARSET"));
    Throwable sdks =
        catchThrowable(() -> new DefaultSigner(KEY).sign(CONTENT, "RSA2", "NO-SUCH-CHARSET"));
    assertThat(ours).isNotNull().hasMessage(sdks.getMessage());
  }

  @Test
  void aKeyTheSdkCannotParseIsLeftToTheSdk() {
    String garbage = "not-a-key";
    CachedKeySigner broken = new CachedKeySigner(garbage, new DefaultSigner(garbage));
    assertThat(broken.hasCachedKey()).isFalse();
    Throwable ours = catchThrowable(() -> broken.sign(CONTENT, "RSA2", "UTF-8"));
    Throwable sdks =
        catchThrowable(() -> new DefaultSigner(garbage).sign(CONTENT, "RSA2", "UTF-8"));
    assertThat(ours).isInstanceOf(RuntimeException.class).hasMessage(sdks.getMessage());
  }
}
