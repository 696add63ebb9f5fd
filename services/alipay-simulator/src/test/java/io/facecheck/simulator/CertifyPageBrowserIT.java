package io.facecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayUserCertifyOpenCertifyRequest;
import io.facecheck.simulator.certification.CertificationStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A real headless Chromium opens the certify URL the SDK built, clicks a button, and lands on the
 * return_url. Needs Debian's chromium and chromium-driver. In CI (CI=true; .ci/run installs them)
 * they are required and their absence fails the test; elsewhere a machine without them skips it
 * with a message saying what to install, the way Testcontainers skips without Docker, so the
 * README's test command passes on a machine that has only a JDK.
 */
class CertifyPageBrowserIT {

  @Test
  void passingInTheBrowserLandsOnTheReturnUrlAndQueryAnswersT() throws Exception {
    assertUserFlow("#pass", CertificationStatus.PASSED, "T");
  }

  @Test
  void failingInTheBrowserLandsOnTheReturnUrlAndQueryAnswersF() throws Exception {
    assertUserFlow("#fail", CertificationStatus.FAILED, "F");
  }

  @Test
  void inCertificateModeWithEncryptionTheSameFlowWorks() throws Exception {
    Path chromium = executable("CHROME_BIN", "/usr/bin/chromium");
    Path chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
    try (AlipaySimulator sim = AlipaySimulator.start(SimulatorConfig.defaults())) {
      ModeClients app = ModeClients.register(sim, TestApps.APP_ID, TestApps.APP_KEYS, true, true);
      assertUserFlow(sim, app, chromium, chromedriver, "#pass", CertificationStatus.PASSED, "T");
    }
  }

  private static void assertUserFlow(String button, CertificationStatus expected, String passed)
      throws Exception {
    Path chromium = executable("CHROME_BIN", "/usr/bin/chromium");
    Path chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
    try (AlipaySimulator sim = TestApps.startWithApp(SimulatorConfig.defaults())) {
      DefaultAlipayClient client = TestApps.rsa2(sim);
      ModeClients app = new ModeClients(TestApps.APP_ID, false, null, null, client);
      assertUserFlow(sim, app, chromium, chromedriver, button, expected, passed);
    }
  }

  private static void assertUserFlow(
      AlipaySimulator sim,
      ModeClients app,
      Path chromium,
      Path chromedriver,
      String button,
      CertificationStatus expected,
      String passed)
      throws Exception {
    try (ReturnPageServer merchant = new ReturnPageServer();
        HeadlessChromium browser = HeadlessChromium.start(chromium, chromedriver)) {
      DefaultAlipayClient client = app.client();
      String returnUrl = merchant.url("/kyc/done?token=abc");
      String certifyId =
          app.call(TestApps.initialize("browser" + System.nanoTime() % 1_000_000, returnUrl))
              .getCertifyId();
      AlipayUserCertifyOpenCertifyRequest certify = new AlipayUserCertifyOpenCertifyRequest();
      certify.setBizContent("{\"certify_id\":\"" + certifyId + "\"}");
      String certifyUrl = client.pageExecute(certify, "GET").getBody();

      browser.open(certifyUrl);
      assertThat(browser.pageSource()).contains(certifyId);
      browser.click(button);

      await().atMost(Duration.ofSeconds(20)).until(() -> browser.currentUrl().equals(returnUrl));
      assertThat(browser.pageSource()).contains("back at the merchant");
      assertThat(merchant.hits()).contains("/kyc/done?token=abc"); // and the browser's /favicon.ico
      assertThat(sim.certificationStatus(certifyId)).contains(expected);
      assertThat(app.call(TestApps.query(certifyId)).getPassed()).isEqualTo(passed);
    }
  }

  private static Path executable(String envVariable, String fallback) {
    return HeadlessChromium.executable("CertifyPageBrowserIT", envVariable, fallback);
  }
}
