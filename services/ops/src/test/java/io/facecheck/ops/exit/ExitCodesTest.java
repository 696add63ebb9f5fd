package io.facecheck.ops.exit;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.ops.connection.ConnectionFailure;
import io.facecheck.ops.connection.UnreadableSettings;
import java.sql.SQLException;
import java.util.HashSet;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import picocli.CommandLine;

class ExitCodesTest {

  @CommandLine.Command(name = "bare")
  static final class Bare {}

  @Test
  void eachKindOfOutcomeHasItsOwnCode() {
    assertThat(new HashSet<>(ExitCodes.described().keySet()))
        .hasSize(ExitCodes.described().size())
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 70);
    assertThat(ExitCodes.USAGE).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(ExitCodes.described().keySet().stream().map(ExitCodes::name).distinct())
        .hasSize(ExitCodes.described().size());
  }

  @Test
  void connectionTroubleIsAConnectionFailure() {
    assertThat(ExitCodes.of(new ConnectionFailure("cannot reach PostgreSQL", null)))
        .isEqualTo(ExitCodes.CONNECTION);
    assertThat(ExitCodes.of(new TimeoutException("Timeout expired while fetching topic metadata")))
        .isEqualTo(ExitCodes.CONNECTION);
    assertThat(ExitCodes.of(new DataAccessResourceFailureException("connection refused")))
        .isEqualTo(ExitCodes.CONNECTION);
    assertThat(ExitCodes.of(new SQLException("08001"))).isEqualTo(ExitCodes.CONNECTION);
  }

  @Test
  void anUnreadableSettingsFileIsAUsageErrorAndADefectIsInternal() {
    assertThat(ExitCodes.of(new UnreadableSettings("cannot read x", null)))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(ExitCodes.of(new CommandLine.ParameterException(new CommandLine(new Bare()), "x")))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(ExitCodes.of(new NullPointerException())).isEqualTo(ExitCodes.INTERNAL);
    assertThat(ExitCodes.of(new IllegalStateException())).isEqualTo(ExitCodes.INTERNAL);
  }
}
