package io.facecheck.testinfra;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring Boot test at the shared broker and a fresh database. */
public final class TestInfraProperties {

  private TestInfraProperties() {}

  public static void register(DynamicPropertyRegistry registry) {
    TestPostgres.Database db = TestPostgres.newDatabase();
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("spring.datasource.username", db::user);
    registry.add("spring.datasource.password", db::password);
    registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
  }
}
