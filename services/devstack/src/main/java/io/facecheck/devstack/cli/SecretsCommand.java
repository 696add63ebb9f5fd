package io.facecheck.devstack.cli;

import io.facecheck.devstack.compose.ComposeSecrets;
import io.facecheck.devstack.compose.SecretTree;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code secrets --dir D}: docker compose's one-shot {@code secrets-init}. */
@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Generate (first run) or keep (later runs) every secret of the docker compose stack, as"
            + " one config-tree directory per service under --dir. Prints file names, never"
            + " values.")
public final class SecretsCommand implements Callable<Integer> {

  @Option(names = "--dir", required = true, description = "Where to write the secrets.")
  Path dir;

  @Option(
      names = "--app-private-key",
      defaultValue = "${env:FACECHECK_ALIPAY_APP_PRIVATE_KEY}",
      description =
          "A real Alipay app's PKCS#8 Base64 private key (env FACECHECK_ALIPAY_APP_PRIVATE_KEY);"
              + " generated when absent.")
  String appPrivateKey;

  @Option(
      names = "--alipay-public-key",
      defaultValue = "${env:FACECHECK_ALIPAY_PUBLIC_KEY}",
      description =
          "Alipay's X.509 Base64 public key (env FACECHECK_ALIPAY_PUBLIC_KEY); the simulator's"
              + " when absent.")
  String alipayPublicKey;

  @Override
  public Integer call() throws Exception {
    SecretTree tree = new SecretTree(dir);
    ComposeSecrets.write(tree, blankToNull(appPrivateKey), blankToNull(alipayPublicKey));
    System.out.println(
        tree.written().isEmpty()
            ? "secrets: all kept"
            : "secrets: wrote " + String.join(", ", tree.written()));
    return 0;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
