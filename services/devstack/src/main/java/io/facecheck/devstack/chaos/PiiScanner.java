package io.facecheck.devstack.chaos;

import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the run's cert_no and cert_name values in text, fast enough for every log line and record
 * of a 10,000-verification run: candidate ID numbers and runs of CJK characters are picked out by
 * pattern and looked up, instead of searching for each of 20,000 values.
 */
public final class PiiScanner {

  private static final Pattern CERT_NO = Pattern.compile("\\d{17}[\\dXx]");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}{2,}");

  private final Set<String> certNos = new HashSet<>();
  private final Set<String> names = new HashSet<>();
  private int maxNameLength;

  public PiiScanner(Collection<FakeIdentity> identities) {
    for (FakeIdentity identity : identities) {
      certNos.add(identity.certNo().toUpperCase());
      names.add(identity.certName());
      maxNameLength = Math.max(maxNameLength, identity.certName().length());
    }
  }

  /** Whether {@code text} holds any cert_no or cert_name of the run. */
  public boolean containsPii(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    Matcher no = CERT_NO.matcher(text);
    while (no.find()) {
      if (certNos.contains(no.group().toUpperCase())) {
        return true;
      }
    }
    Matcher han = CJK.matcher(text);
    while (han.find()) {
      String run = han.group();
      for (int from = 0; from < run.length(); from++) {
        for (int to = from + 2; to <= Math.min(run.length(), from + maxNameLength); to++) {
          if (names.contains(run.substring(from, to))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
