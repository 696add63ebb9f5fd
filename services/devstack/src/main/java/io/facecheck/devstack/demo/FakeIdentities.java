package io.facecheck.devstack.demo;

import io.facecheck.contracts.identity.ResidentIdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Made-up people with resident ID numbers that pass GB 11643 (real region codes, real birth dates,
 * correct check character). Seeded: the same seed gives the same people.
 */
public final class FakeIdentities {

  /** A made-up person: PII as far as the pipeline knows, so it must never show up anywhere. */
  public record FakeIdentity(String certName, String certNo) {
    @Override
    public String toString() {
      return "FakeIdentity[***]";
    }
  }

  private static final List<String> SURNAMES =
      List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭");
  private static final List<String> GIVEN =
      List.of(
          "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
          "秀兰", "霞", "平", "刚", "桂英", "晨曦", "子涵", "浩然", "思远", "雨桐");
  // Beijing Xicheng, Shanghai Huangpu, Guangzhou Yuexiu, Shenzhen Futian, Hangzhou Xihu, Chengdu
  private static final List<String> REGIONS =
      List.of("110102", "310101", "440104", "440304", "330106", "510104");
  private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;
  private static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);
  private static final int BIRTH_DAYS = 55 * 365;

  private final SplittableRandom random;

  public FakeIdentities(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public synchronized FakeIdentity next() {
    String name =
        SURNAMES.get(random.nextInt(SURNAMES.size())) + GIVEN.get(random.nextInt(GIVEN.size()));
    String first17 =
        REGIONS.get(random.nextInt(REGIONS.size()))
            + EARLIEST.plusDays(random.nextInt(BIRTH_DAYS)).format(BIRTH)
            + String.format("%03d", random.nextInt(1000));
    return new FakeIdentity(name, first17 + ResidentIdNumber.checkCharacter(first17));
  }
}
