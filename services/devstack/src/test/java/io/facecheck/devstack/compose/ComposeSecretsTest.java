package io.facecheck.devstack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.devstack.stack.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeSecretsTest {

  @TempDir Path dir;

  @Test
  void firstRunGeneratesWhatEachServiceNeedsAndNothingElse() throws Exception {
    ComposeSecrets.write(new SecretTree(dir), null, null);

    assertThat(dir.resolve("worker"))
        .isDirectoryContaining(p -> p.endsWith("facecheck.pii.keys"))
        .isDirectoryContaining(p -> p.endsWith(ComposeSecrets.APP_PRIVATE_KEY))
        .isDirectoryContaining(p -> p.endsWith(ComposeSecrets.ALIPAY_PUBLIC_KEY));
    // intake and reconciler never see the Alipay private key or the PII keys
    for (String service : new String[] {"intake", "reconciler", "ops"}) {
      assertThat(dir.resolve(service))
          .isDirectoryNotContaining(p -> p.endsWith(ComposeSecrets.APP_PRIVATE_KEY))
          .isDirectoryNotContaining(p -> p.endsWith("facecheck.pii.keys"));
    }
    assertThat(read("worker", "facecheck.callback.secret"))
        .isEqualTo(read("intake", "facecheck.callback.secret"));
    assertThat(read("worker", "facecheck.request-hash.key"))
        .isEqualTo(read("intake", "facecheck.request-hash.key"))
        .hasSizeGreaterThanOrEqualTo(16);
    assertThat(read("reconciler", ComposeSecrets.DB_PASSWORD))
        .isEqualTo(read("postgres", "app-password"))
        .isNotEqualTo(read("postgres", "owner-password"));
    assertThat(read("migrate", "owner-password")).isEqualTo(read("postgres", "owner-password"));
  }

  @Test
  void theSimulatorAndTheWorkerHoldTheTwoHalvesOfEachKeyPair() throws Exception {
    ComposeSecrets.write(new SecretTree(dir), null, null);

    assertThat(read("simulator", "app-public-key"))
        .isEqualTo(ComposeSecrets.publicHalf(read("worker", ComposeSecrets.APP_PRIVATE_KEY)));
    assertThat(read("worker", ComposeSecrets.ALIPAY_PUBLIC_KEY))
        .isEqualTo(ComposeSecrets.publicHalf(read("simulator", "alipay-private-key")));
  }

  @Test
  void aSecondRunKeepsEveryValueSoRestartsKeepTheirKeys() throws Exception {
    ComposeSecrets.write(new SecretTree(dir), null, null);
    String pii = read("worker", "facecheck.pii.keys");
    String token = read("intake", "facecheck.intake.clients.demo.token");

    ComposeSecrets.write(new SecretTree(dir), null, null);

    assertThat(read("worker", "facecheck.pii.keys")).isEqualTo(pii);
    assertThat(read("intake", "facecheck.intake.clients.demo.token")).isEqualTo(token);
  }

  @Test
  void aRealAppKeyPassedInReplacesTheGeneratedOne() throws Exception {
    ComposeSecrets.write(new SecretTree(dir), null, null);
    String realKey = Secrets.generate().appPrivateKeyBase64();

    ComposeSecrets.write(new SecretTree(dir), realKey, "alipay-public-key-x509");

    assertThat(read("worker", ComposeSecrets.APP_PRIVATE_KEY)).isEqualTo(realKey);
    assertThat(read("worker", ComposeSecrets.ALIPAY_PUBLIC_KEY))
        .isEqualTo("alipay-public-key-x509");
  }

  private String read(String service, String name) throws Exception {
    return Files.readString(dir.resolve(service).resolve(name));
  }
}
