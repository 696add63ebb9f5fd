package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alipay.api.AlipayApiException;
import com.alipay.api.DefaultDecryptor;
import com.alipay.api.internal.util.AlipayEncrypt;
import io.facecheck.worker.alipay.AlipayOutcome.ProviderConfig;
import org.junit.jupiter.api.Test;

class ClearErrorReadingDecryptorTest {
  private static final String KEY = ModeApps.aesKey();
  private final ClearErrorReadingDecryptor decryptor =
      new ClearErrorReadingDecryptor(new DefaultDecryptor(KEY));

  @Test
  void decryptsAsTheSdkDoes() throws AlipayApiException {
    String cipher = AlipayEncrypt.encryptContent("{\"code\":\"10000\"}", "AES", KEY, "UTF-8");
    assertThat(decryptor.decrypt(cipher, "AES", "UTF-8")).isEqualTo("{\"code\":\"10000\"}");
  }

  @Test
  void givenTheNothingTheSdkCutsFromAClearNodeItHandsBackWhatWasCut() {
    // the SDK cut `{"` out of `"x_response":{"code":…` and found nothing between them
    String body = "{\"x_response\":{\"code\":\"40002\",\"sub_code\":\"s\"},\"sign\":\"g\"}";
    int start = body.indexOf("x_response") + "x_response".length() + 2;
    String rebuilt =
        body.substring(0, start)
            + decryptor.decrypt("", "AES", "UTF-8")
            + body.substring(start + 2);
    assertThat(rebuilt).isEqualTo(body);
  }

  @Test
  void whatTheKeyDoesNotDecryptIsADecryptionFailureAConfigurationError() throws Exception {
    String cipher =
        AlipayEncrypt.encryptContent("{\"code\":\"10000\"}", "AES", ModeApps.aesKey(), "UTF-8");
    assertThatThrownBy(() -> decryptor.decrypt(cipher, "AES", "UTF-8"))
        .isInstanceOf(ResponseDecryptionFailed.class)
        .satisfies(
            e ->
                assertThat(
                        AlipayOutcomeClassifier.<String>classify(
                            AlipayOperation.QUERY, new AlipayApiException(e)))
                    .isInstanceOf(ProviderConfig.class)
                    .extracting(o -> ((ProviderConfig<String>) o).code())
                    .isEqualTo("DECRYPT"));
  }
}
