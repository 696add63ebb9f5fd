package io.facecheck.worker.alipay;

/**
 * Where an app's settings come from, read again on every credential reload: fixed values, or files
 * a secret manager rewrites when keys or certificates rotate ({@link AlipayAppFiles}).
 */
public interface AlipayAppSource {
  /** The app's name (a request's {@code app}). */
  String name();

  /**
   * The app as configured now; IllegalArgumentException or java.io.UncheckedIOException when it
   * cannot be read or is incomplete.
   */
  AlipayApp load();

  static AlipayAppSource fixed(AlipayApp app) {
    return new AlipayAppSource() {
      @Override
      public String name() {
        return app.name();
      }

      @Override
      public AlipayApp load() {
        return app;
      }
    };
  }
}
