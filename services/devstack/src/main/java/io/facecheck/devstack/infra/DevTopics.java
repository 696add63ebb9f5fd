package io.facecheck.devstack.infra;

import io.facecheck.contracts.Topics;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;

/** The pipeline's topics (DESIGN.md §2), created up front with the same partition count. */
public final class DevTopics {

  public static final List<String> NAMES =
      List.of(
          Topics.REQUESTS,
          Topics.REQUESTS_DLT,
          Topics.CALLBACKS,
          Topics.QUERIES,
          Topics.QUERIES_DLT,
          Topics.QUERY_RESULTS,
          Topics.RESULTS);

  private DevTopics() {}

  public static List<NewTopic> all(int partitions) {
    return NAMES.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
  }
}
