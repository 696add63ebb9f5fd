package io.facecheck.intake.web;

/**
 * The API names fields by dotted path ({@code identity.cert_no}); validators give JSON pointers.
 */
public final class FieldPath {

  private FieldPath() {}

  /**
   * {@code /identity/cert_no} → {@code identity.cert_no}; the root pointer {@code ""} → {@code ""}.
   */
  public static String fromPointer(String pointer) {
    if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
      return "";
    }
    if (pointer.charAt(0) != '/') {
      return pointer; // already a path
    }
    StringBuilder path = new StringBuilder();
    for (String token : pointer.substring(1).split("/", -1)) {
      if (!path.isEmpty()) {
        path.append('.');
      }
      path.append(token.replace("~1", "/").replace("~0", "~"));
    }
    return path.toString();
  }
}
