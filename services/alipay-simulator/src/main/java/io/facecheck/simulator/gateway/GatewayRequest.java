package io.facecheck.simulator.gateway;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gateway call's parameters, merged from the query string and the form body (the Java SDK splits
 * them, other clients put all in the body), decoded in the charset the call names.
 */
public record GatewayRequest(Map<String, String> parameters, Charset charset, String charsetLabel) {

  /** Why a request could not even be decoded: the reply is still a gateway error, never a 500. */
  static final class Undecodable extends Exception {
    final GatewayError error;

    Undecodable(GatewayError error) {
      super(error.subMsg(), null, false, false);
      this.error = error;
    }
  }

  public String get(String name) {
    return parameters.get(name);
  }

  static GatewayRequest decode(byte[] query, byte[] body) throws Undecodable {
    List<FormParameters.RawPair> fromQuery;
    List<FormParameters.RawPair> fromBody;
    try {
      fromQuery = FormParameters.decode(query);
      fromBody = FormParameters.decode(body);
    } catch (IllegalArgumentException e) {
      throw new Undecodable(
          GatewayError.invalid("isv.invalid-parameter", "参数编码错误: " + e.getMessage()));
    }
    String label = charsetLabel(fromQuery, fromBody);
    Charset charset = charset(label);
    Map<String, String> merged = new LinkedHashMap<>();
    for (List<FormParameters.RawPair> source : List.of(fromQuery, fromBody)) {
      for (FormParameters.RawPair pair : source) {
        merged.putIfAbsent(pair.name(charset), pair.value(charset));
      }
    }
    return new GatewayRequest(merged, charset, label);
  }

  private static String charsetLabel(
      List<FormParameters.RawPair> fromQuery, List<FormParameters.RawPair> fromBody) {
    for (List<FormParameters.RawPair> source : List.of(fromQuery, fromBody)) {
      for (FormParameters.RawPair pair : source) {
        if ("charset".equals(pair.name(StandardCharsets.ISO_8859_1)) && pair.value().length > 0) {
          return pair.value(StandardCharsets.ISO_8859_1);
        }
      }
    }
    return "UTF-8";
  }

  private static Charset charset(String label) throws Undecodable {
    try {
      return Charset.forName(label);
    } catch (IllegalArgumentException e) {
      throw new Undecodable(GatewayError.invalid("isv.invalid-charset", "字符集错误"));
    }
  }
}
