package io.facecheck.simulator.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes application/x-www-form-urlencoded bytes ('+' is a space, %XX a byte). Values are kept as
 * bytes until the request's charset is known, because the charset is itself one of the parameters.
 */
final class FormParameters {
  record RawPair(byte[] name, byte[] value) {
    String name(Charset charset) {
      return new String(name, charset);
    }

    String value(Charset charset) {
      return new String(value, charset);
    }
  }

  private FormParameters() {}

  /** Throws IllegalArgumentException on a malformed %-escape. */
  static List<RawPair> decode(byte[] form) {
    List<RawPair> pairs = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= form.length; i++) {
      if (i == form.length || form[i] == '&') {
        if (i > start) {
          pairs.add(pair(form, start, i));
        }
        start = i + 1;
      }
    }
    return pairs;
  }

  private static RawPair pair(byte[] form, int from, int to) {
    int equals = from;
    while (equals < to && form[equals] != '=') {
      equals++;
    }
    byte[] name = unescape(form, from, equals);
    byte[] value = equals < to ? unescape(form, equals + 1, to) : new byte[0];
    return new RawPair(name, value);
  }

  private static byte[] unescape(byte[] form, int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = form[i];
      if (b == '+') {
        out.write(' ');
      } else if (b == '%') {
        if (i + 2 >= to) {
          throw new IllegalArgumentException("truncated %-escape");
        }
        out.write(hex(form[i + 1]) << 4 | hex(form[i + 2]));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  private static int hex(byte b) {
    int digit = Character.digit(b, 16);
    if (digit < 0) {
      throw new IllegalArgumentException("bad %-escape");
    }
    return digit;
  }
}
