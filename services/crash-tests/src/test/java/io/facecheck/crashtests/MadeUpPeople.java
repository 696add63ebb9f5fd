package io.facecheck.crashtests;

import io.facecheck.contracts.identity.ResidentIdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Made-up people whose resident ID numbers pass the check digit. PII as far as the pipeline knows:
 * none of it may appear in a service's log.
 */
final class MadeUpPeople {

  /** One made-up person; never printed. */
  record Person(String certName, String certNo) {
    @Override
    public String toString() {
      return "Person[***]";
    }
  }

  private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "周");
  private static final List<String> GIVEN = List.of("晓明", "秀英", "子涵", "浩然", "思远", "雨桐", "建国", "丽华");
  private static final List<String> REGIONS = List.of("110102", "310101", "440304", "330106");
  private static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

  private final SplittableRandom random;

  MadeUpPeople(long seed) {
    this.random = new SplittableRandom(seed);
  }

  synchronized Person next() {
    String name =
        SURNAMES.get(random.nextInt(SURNAMES.size())) + GIVEN.get(random.nextInt(GIVEN.size()));
    String first17 =
        REGIONS.get(random.nextInt(REGIONS.size()))
            + EARLIEST.plusDays(random.nextInt(50 * 365)).format(DateTimeFormatter.BASIC_ISO_DATE)
            + String.format("%03d", random.nextInt(1000));
    return new Person(name, first17 + ResidentIdNumber.checkCharacter(first17));
  }
}
