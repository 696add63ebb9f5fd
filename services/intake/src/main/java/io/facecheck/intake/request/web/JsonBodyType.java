package io.facecheck.intake.request.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether a POST declares what the parser reads: {@code application/json}, UTF-8 (the default of
 * JSON, or said explicitly), not compressed. Anything else is refused 415 before the body is read,
 * rather than parsed as what it is not (a form, XML, gzip, UTF-16).
 */
final class JsonBodyType {

  private JsonBodyType() {}

  /** Why the declared type is refused, or null if it is JSON in UTF-8. */
  static String refusal(String contentType, String contentEncoding) {
    if (contentEncoding != null
        && !contentEncoding.isBlank()
        && !contentEncoding.trim().equalsIgnoreCase("identity")) {
      return "the body must not be compressed (no Content-Encoding)";
    }
    if (contentType == null || contentType.isBlank()) {
      return "Content-Type application/json is required";
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      return "Content-Type is not a media type; send application/json";
    }
    if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
      return "the body must be application/json";
    }
    Charset charset;
    try {
      charset = type.getCharset();
    } catch (RuntimeException e) {
      return "unknown charset; JSON is UTF-8";
    }
    return charset == null || charset.equals(StandardCharsets.UTF_8)
        ? null
        : "JSON is read as UTF-8 only";
  }
}
