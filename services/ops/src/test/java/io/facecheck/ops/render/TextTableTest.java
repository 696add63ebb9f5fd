package io.facecheck.ops.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void padsEveryColumnButTheLastAndShowsEmptyCellsAsDashes() {
    assertThat(new TextTable("A", "BB", "C").row("xxx", null, "free\ntext").lines())
        .containsExactly("A    BB  C", "xxx  -   free text");
  }

  @Test
  void refusesRowsOfTheWrongWidth() {
    assertThatThrownBy(() -> new TextTable("A", "B").row("1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
