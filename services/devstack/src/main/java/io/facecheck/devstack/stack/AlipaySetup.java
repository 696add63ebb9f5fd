package io.facecheck.devstack.stack;

/**
 * How the stack's Alipay app is set up at the simulator and in the worker: public-key or public-key
 * certificate mode, clear or AES-encrypted content ({@code --alipay-mode}, {@code --encrypt}).
 */
public record AlipaySetup(boolean certificate, boolean encrypt) {
  public static final AlipaySetup PUBLIC_KEY = new AlipaySetup(false, false);

  /** "public-key" or "certificate"; IllegalArgumentException otherwise. */
  public static AlipaySetup of(String mode, boolean encrypt) {
    return switch (mode) {
      case "public-key" -> new AlipaySetup(false, encrypt);
      case "certificate" -> new AlipaySetup(true, encrypt);
      default ->
          throw new IllegalArgumentException(
              "--alipay-mode must be public-key or certificate, got " + mode);
    };
  }

  @Override
  public String toString() {
    return (certificate ? "certificate" : "public-key") + (encrypt ? "+AES" : "");
  }
}
