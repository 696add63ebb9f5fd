package io.facecheck.devstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.devstack.demo.FakeIdentities;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostileCorpusTest {

  @Test
  void everyItemIsBuiltAndTheBigOnesAreBig() {
    FakeIdentities identities = new FakeIdentities(1);
    List<HostileCorpus.Item> items =
        HostileCorpus.items(identities::next, "demo", "http://localhost/x", 300);

    assertThat(items).hasSizeGreaterThan(20);
    assertThat(items).extracting(HostileCorpus.Item::label).doesNotHaveDuplicates();
    HostileCorpus.Item nearMax =
        items.stream().filter(i -> i.label().equals("near-broker-max")).findFirst().orElseThrow();
    assertThat(nearMax.value().length).isBetween(1_040_000, 1_048_500);
    assertThat(items.stream().filter(i -> i.channel().equals("http"))).hasSize(5);
  }

  @Test
  void thePiiScannerFindsTheRunsPeopleAndNothingElse() {
    FakeIdentities identities = new FakeIdentities(3);
    FakeIdentities.FakeIdentity someone = identities.next();
    PiiScanner scanner = new PiiScanner(List.of(someone));

    assertThat(scanner.containsPii("INFO cert_no=" + someone.certNo() + " done")).isTrue();
    assertThat(scanner.containsPii("{\"cert_name\":\"" + someone.certName() + "\"}")).isTrue();
    assertThat(scanner.containsPii("INFO 110101199001011237 张三丰 nothing of ours")).isFalse();
  }
}
