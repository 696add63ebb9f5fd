package io.facecheck.ops.deadletter;

import io.facecheck.ops.masking.KnownIdentity;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Keys and header values as text ops may see: scrubbed UTF-8, or only their size. */
final class ShownBytes {

  private ShownBytes() {}

  static String of(byte[] bytes, KnownIdentity identity) {
    if (bytes == null) {
      return null;
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return identity.scrub(text);
    } catch (CharacterCodingException e) {
      return "(" + bytes.length + " bytes, not UTF-8)";
    }
  }
}
