package io.facecheck.ops.deadletter.cli;

import io.facecheck.contracts.Topics;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --topic}: one dead-letter topic, or all of them. */
enum TopicSelection {
  REQUESTS(List.of(Topics.REQUESTS_DLT)),
  QUERIES(List.of(Topics.QUERIES_DLT)),
  CALLBACKS(List.of(Topics.CALLBACKS_DLT)),
  QUERY_RESULTS(List.of(Topics.QUERY_RESULTS_DLT)),
  ALL(
      List.of(
          Topics.REQUESTS_DLT, Topics.QUERIES_DLT, Topics.CALLBACKS_DLT, Topics.QUERY_RESULTS_DLT));

  static final String CHOICES =
      Topics.REQUESTS_DLT
          + ", "
          + Topics.QUERIES_DLT
          + ", "
          + Topics.CALLBACKS_DLT
          + ", "
          + Topics.QUERY_RESULTS_DLT
          + ", all";

  private final List<String> topics;

  TopicSelection(List<String> topics) {
    this.topics = topics;
  }

  List<String> topics() {
    return topics;
  }

  /** Accepts the topic names themselves, as ops type them. */
  static final class Converter implements ITypeConverter<TopicSelection> {
    @Override
    public TopicSelection convert(String value) {
      return switch (value) {
        case Topics.REQUESTS_DLT -> REQUESTS;
        case Topics.QUERIES_DLT -> QUERIES;
        case Topics.CALLBACKS_DLT -> CALLBACKS;
        case Topics.QUERY_RESULTS_DLT -> QUERY_RESULTS;
        case "all" -> ALL;
        default -> throw new TypeConversionException("expected one of " + CHOICES);
      };
    }
  }
}
