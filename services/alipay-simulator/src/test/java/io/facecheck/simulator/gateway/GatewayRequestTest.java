package io.facecheck.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GatewayRequestTest {
  @Test
  void plusIsASpaceAndPercent2BIsAPlus() throws Exception {
    GatewayRequest request =
        GatewayRequest.decode(
            bytes("timestamp=2026-11-26+19%3A08%3A32&sign=ab%2Bc%3D%3D"), new byte[0]);
    assertThat(request.get("timestamp")).isEqualTo("2026-11-26 19:08:32");
    assertThat(request.get("sign")).isEqualTo("ab+c==");
  }

  @Test
  void mergesQueryAndBodyAndTheQueryWinsATie() throws Exception {
    GatewayRequest request =
        GatewayRequest.decode(bytes("method=a&app_id=1"), bytes("biz_content=%7B%7D&method=b"));
    assertThat(request.get("method")).isEqualTo("a");
    assertThat(request.get("biz_content")).isEqualTo("{}");
    assertThat(request.get("app_id")).isEqualTo("1");
  }

  @Test
  void decodesValuesInTheCharsetTheRequestNames() throws Exception {
    Charset gbk = Charset.forName("GBK");
    String name = java.net.URLEncoder.encode("张三", gbk);
    GatewayRequest request =
        GatewayRequest.decode(bytes("charset=GBK"), bytes("cert_name=" + name));
    assertThat(request.get("cert_name")).isEqualTo("张三");
    assertThat(request.charset()).isEqualTo(gbk);
  }

  @Test
  void malformedEscapesAndUnknownCharsetsAreGatewayErrors() {
    assertThatThrownBy(() -> GatewayRequest.decode(bytes("a=%G1"), new byte[0]))
        .isInstanceOfSatisfying(
            GatewayRequest.Undecodable.class,
            e -> assertThat(e.error.subCode()).isEqualTo("isv.invalid-parameter"));
    assertThatThrownBy(() -> GatewayRequest.decode(bytes("a=%4"), new byte[0]))
        .isInstanceOf(GatewayRequest.Undecodable.class);
    assertThatThrownBy(() -> GatewayRequest.decode(bytes("charset=klingon"), new byte[0]))
        .isInstanceOfSatisfying(
            GatewayRequest.Undecodable.class,
            e -> assertThat(e.error.subCode()).isEqualTo("isv.invalid-charset"));
  }

  @Test
  void residentIdCheckDigitIsVerified() {
    assertThat(GatewayCertNoCheck.isValid("11010519491231002X")).isTrue();
    assertThat(GatewayCertNoCheck.isValid("11010519491231002x")).isTrue();
    assertThat(GatewayCertNoCheck.isValid("110105194912310021")).isFalse();
    assertThat(GatewayCertNoCheck.isValid("1101051949123100")).isFalse();
    assertThat(GatewayCertNoCheck.isValid("A1010519491231002X")).isFalse();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
