package io.facecheck.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.devstack.stack.Secrets;
import io.facecheck.devstack.stack.ServiceProperties;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.devstack.stack.WorkerAlipaySettings;
import org.junit.jupiter.api.Test;

class EnvironmentExportTest {

  @Test
  void namesFollowSpringsRelaxedBinding() {
    assertThat(EnvironmentExport.name("spring.kafka.bootstrap-servers"))
        .isEqualTo("SPRING_KAFKA_BOOTSTRAPSERVERS");
    assertThat(EnvironmentExport.name("facecheck.worker.alipay.apps.default.app-id"))
        .isEqualTo("FACECHECK_WORKER_ALIPAY_APPS_DEFAULT_APPID");
  }

  @Test
  void exportsWhatEachServiceNeedsButNotWhatIsInProcessOnly() {
    ServiceProperties properties =
        new ServiceProperties(
            StackSettings.defaults(),
            Secrets.generate(),
            "localhost:9092",
            "jdbc:postgresql://localhost:55432/facecheck",
            "http://127.0.0.1:8089/gateway.do",
            "PUBLICKEY");
    String exports = EnvironmentExport.exports(properties);
    assertThat(exports)
        .contains("export SPRING_KAFKA_BOOTSTRAPSERVERS='localhost:9092'")
        .contains("export FACECHECK_CALLBACK_SECRET=")
        .contains("export FACECHECK_PII_KEYS=")
        .contains("export FACECHECK_WORKER_ALIPAY_APPS_DEFAULT_ALIPAYPUBLICKEY='PUBLICKEY'")
        .contains("export FACECHECK_INTAKE_CLIENTS_DEMO_TOKEN=")
        .doesNotContain("SPRING_CONFIG_NAME")
        .doesNotContain("SPRING_FLYWAY_ENABLED")
        .doesNotContain("SERVER_PORT")
        .doesNotContain("LOGGING_");
  }

  @Test
  void inCertificateModeWithEncryptionTheWorkerGetsTheCertificatesAndTheAesKey() {
    ServiceProperties properties =
        new ServiceProperties(
            StackSettings.defaults(),
            Secrets.generate(),
            "localhost:9092",
            "jdbc:postgresql://localhost:55432/facecheck",
            "facecheck",
            "facecheck",
            "http://127.0.0.1:8089/gateway.do",
            new WorkerAlipaySettings(null, "APPCERT", "ALIPAYCERT", "ROOTCERT", "AESKEY"));
    String app = "facecheck.worker.alipay.apps.default.";
    assertThat(properties.worker())
        .containsEntry(app + "mode", "certificate")
        .containsEntry(app + "app-cert", "APPCERT")
        .containsEntry(app + "alipay-cert", "ALIPAYCERT")
        .containsEntry(app + "alipay-root-cert", "ROOTCERT")
        .containsEntry(app + "encrypt-key", "AESKEY")
        .containsEntry("facecheck.worker.alipay.environment", "simulator")
        .doesNotContainKey(app + "alipay-public-key");
  }
}
