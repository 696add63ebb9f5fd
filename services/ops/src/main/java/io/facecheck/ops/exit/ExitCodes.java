package io.facecheck.ops.exit;

import io.facecheck.ops.connection.ConnectionFailure;
import io.facecheck.ops.connection.UnreadableSettings;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine.ParameterException;

/**
 * What scripts can rely on: one code per kind of outcome, the same for every command, listed in
 * every command's {@code --help} and in the README.
 */
public final class ExitCodes {

  public static final int OK = 0;

  /** Nothing found, or nothing to do (every candidate skipped). */
  public static final int NOT_FOUND = 1;

  /** Bad arguments, a settings file that cannot be read, a bulk replay without --yes off a TTY. */
  public static final int USAGE = 2;

  /**
   * Refused, nothing changed: {@code erase} of a verification still in flight (its identity may
   * still be needed; a data-subject request workflow retries later), or a bulk replay the operator
   * declined at the confirmation prompt.
   */
  public static final int REFUSED = 3;

  /** Kafka or PostgreSQL unreachable, timing out or failing; nothing was done, or nothing more. */
  public static final int CONNECTION = 4;

  /** Some of the work was done and some failed (a replay some of whose records were not sent). */
  public static final int PARTIAL = 5;

  /** A defect in facecheck-ops itself (sysexits' EX_SOFTWARE): report it. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}

  /** The codes and what they mean, in order, for {@code --help} and the JSON error's name. */
  public static Map<Integer, String> described() {
    Map<Integer, String> codes = new LinkedHashMap<>();
    codes.put(OK, "ok");
    codes.put(NOT_FOUND, "not found, or nothing to do");
    codes.put(USAGE, "usage error (bad arguments; bulk replay off a terminal without --yes)");
    codes.put(REFUSED, "refused, nothing changed (erase in flight; replay declined)");
    codes.put(CONNECTION, "Kafka or PostgreSQL unreachable or failing");
    codes.put(PARTIAL, "partial failure: some records done, some failed");
    codes.put(INTERNAL, "internal error in facecheck-ops");
    return codes;
  }

  /** A short machine name for {@code --json} errors. */
  public static String name(int code) {
    return switch (code) {
      case OK -> "ok";
      case NOT_FOUND -> "not_found";
      case USAGE -> "usage";
      case REFUSED -> "refused";
      case CONNECTION -> "connection";
      case PARTIAL -> "partial";
      default -> "internal";
    };
  }

  /** The code an exception escaping a command ends the run with. */
  public static int of(Throwable e) {
    if (e instanceof ParameterException || e instanceof UnreadableSettings) {
      return USAGE;
    }
    if (e instanceof ConnectionFailure
        || e instanceof KafkaException
        || e instanceof DataAccessException
        || e instanceof SQLException) {
      return CONNECTION;
    }
    return INTERNAL;
  }
}
