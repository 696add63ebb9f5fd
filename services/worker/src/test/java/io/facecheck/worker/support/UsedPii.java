package io.facecheck.worker.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.system.CapturedOutput;

/** The names and numbers a test class sent, so it can show that none of them reached the log. */
public final class UsedPii {

  private final Set<String> used = ConcurrentHashMap.newKeySet();

  /** A fresh made-up name, remembered. */
  public String name() {
    return add(TestIdentities.certName());
  }

  /** A fresh valid number, remembered with its wrong-check-digit twin. */
  public String certNo() {
    String certNo = TestIdentities.certNo();
    add(TestIdentities.withWrongCheckDigit(certNo));
    return add(certNo);
  }

  public String add(String value) {
    used.add(value);
    return value;
  }

  public void assertNotLogged(CapturedOutput output) {
    String all = output.getAll();
    assertThat(all).isNotEmpty();
    assertThat(used.stream().filter(all::contains).toList())
        .as("cert_name / cert_no in the log output")
        .isEmpty();
    assertThat(Arrays.asList(all.split("\n")))
        .noneMatch(line -> line.matches(".*1101051\\d{6,}.*"));
  }
}
