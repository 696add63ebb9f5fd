package io.facecheck.simulator.signing;

import java.util.Map;
import java.util.TreeMap;

/**
 * Alipay's string to sign: all parameters but sign, empty values dropped, sorted by key, raw
 * values.
 */
public final class StringToSign {
  private StringToSign() {}

  public static String of(Map<String, String> parameters) {
    StringBuilder out = new StringBuilder(256);
    for (Map.Entry<String, String> entry : new TreeMap<>(parameters).entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      if ("sign".equals(key) || key.isEmpty() || value == null || value.isEmpty()) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(key).append('=').append(value);
    }
    return out.toString();
  }
}
