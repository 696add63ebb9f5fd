package io.facecheck.worker.support;

import io.facecheck.contracts.identity.ResidentIdNumber;
import java.util.concurrent.ThreadLocalRandom;

/** Made-up but well-formed resident ID numbers and names, distinct per call. */
public final class TestIdentities {

  private static final String[] SURNAMES = {"王", "李", "赵", "钱", "孙", "周", "吴", "郑"};
  private static final String[] GIVEN = {"晓明", "雨桐", "子涵", "浩然", "欣怡", "梓萱", "俊杰"};

  private TestIdentities() {}

  /** A valid 18-character number: Beijing region, a 1980s birth date, random sequence. */
  public static String certNo() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String first17 =
        "110105"
            + (1980 + random.nextInt(10))
            + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
            + String.format("%03d", random.nextInt(1000));
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /** The same number with a wrong check character. */
  public static String withWrongCheckDigit(String certNo) {
    char right = certNo.charAt(17);
    return certNo.substring(0, 17) + (right == '1' ? '2' : '1');
  }

  public static String certName() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return SURNAMES[random.nextInt(SURNAMES.length)]
        + GIVEN[random.nextInt(GIVEN.length)]
        + GIVEN[random.nextInt(GIVEN.length)];
  }
}
