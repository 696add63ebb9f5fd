package io.facecheck.devstack.e2e;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Test-only auto-configuration: when a service starts with {@value #PROPERTY}=true, its spans also
 * go to one exporter shared by every service of this JVM (intake, worker and reconciler each have
 * their own OpenTelemetry SDK), so a test sees a trace across all of them.
 */
@AutoConfiguration
@ConditionalOnProperty(InMemorySpans.PROPERTY)
public class InMemorySpans {

  public static final String PROPERTY = "facecheck.test.in-memory-spans";

  private static final InMemorySpanExporter SHARED = InMemorySpanExporter.create();

  /** Every span exported so far, by every service. */
  public static List<SpanData> finished() {
    return SHARED.getFinishedSpanItems();
  }

  @Bean
  SpanExporter inMemorySpanExporter() {
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        return SHARED.export(spans);
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      /** One service stopping must not stop the exporter the others share. */
      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
  }
}
