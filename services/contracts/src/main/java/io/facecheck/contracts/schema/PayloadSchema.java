package io.facecheck.contracts.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of schemas/, read from the classpath copy in this jar. Each is compiled once, on
 * first use, and shared: compiled schemas are immutable and safe across threads.
 */
public enum PayloadSchema {
  VERIFICATION_REQUEST("verification-request.v1.json"),
  VERIFICATION_RESULT("verification-result.v1.json"),
  VERIFICATION_CALLBACK("verification-callback.v1.json"),
  VERIFICATION_QUERY("verification-query.v1.json"),
  VERIFICATION_QUERY_RESULT("verification-query-result.v1.json");

  /** Where the schemas sit on the classpath. */
  public static final String CLASSPATH_DIRECTORY = "schemas/";

  private final String fileName;

  PayloadSchema(String fileName) {
    this.fileName = fileName;
  }

  /** The file name under schemas/, e.g. {@code verification-request.v1.json}. */
  public String fileName() {
    return fileName;
  }

  /** The compiled schema, for callers that need the validator's own output. */
  public Schema schema() {
    return Compiled.SCHEMAS.get(this);
  }

  /** Every rule {@code payload} breaks, with messages that never repeat a value; empty if valid. */
  public List<FieldError> validate(JsonNode payload) {
    return schema().validate(payload).stream().map(ViolationMessages::toFieldError).toList();
  }

  /** The validator's raw errors (their messages may quote values: never log them). */
  public List<Error> rawErrors(JsonNode payload) {
    return schema().validate(payload);
  }

  // Class initialisation is the JVM's own once-only, thread-safe lazy loading.
  private static final class Compiled {
    static final Map<PayloadSchema, Schema> SCHEMAS = load();

    private static Map<PayloadSchema, Schema> load() {
      SchemaRegistryConfig config =
          SchemaRegistryConfig.builder()
              // draft 2020-12 makes "format" an annotation; our uuid and date-time must hold
              .formatAssertionsEnabled(true)
              .pathType(PathType.JSON_POINTER)
              .build();
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
      Map<PayloadSchema, Schema> schemas = new EnumMap<>(PayloadSchema.class);
      for (PayloadSchema payload : values()) {
        Schema schema =
            registry.getSchema(
                SchemaLocation.of("classpath:" + CLASSPATH_DIRECTORY + payload.fileName));
        schema.initializeValidators();
        schemas.put(payload, schema);
      }
      return schemas;
    }
  }
}
