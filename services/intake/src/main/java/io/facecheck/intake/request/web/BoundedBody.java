package io.facecheck.intake.request.web;

import io.facecheck.contracts.request.RequestParser;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body, but never more than one byte past the 64 KiB limit: an oversized body is
 * recognised (and refused 413 by the parser) without being held in memory.
 */
final class BoundedBody {

  private BoundedBody() {}

  static byte[] read(InputStream in, long declaredLength) throws IOException {
    if (declaredLength > RequestParser.MAX_BYTES) {
      // Content-Length already says it is too large: don't read it; return a marker of the size
      return new byte[RequestParser.MAX_BYTES + 1];
    }
    return in.readNBytes(RequestParser.MAX_BYTES + 1);
  }
}
