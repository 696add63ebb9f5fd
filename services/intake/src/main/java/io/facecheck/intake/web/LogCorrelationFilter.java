package io.facecheck.intake.web;

import io.facecheck.tracing.LogCorrelation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's trace id into the MDC for every line logged while it is handled (the request
 * and verification ids follow as the handlers learn them), and clears them all when it is done:
 * request threads are pooled. Runs inside the HTTP server observation, whose span it reads.
 */
public final class LogCorrelationFilter extends OncePerRequestFilter {

  private final Tracer tracer;

  public LogCorrelationFilter(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Span span = tracer.currentSpan();
    try {
      LogCorrelation.traceId(span == null ? null : span.context().traceId());
      chain.doFilter(request, response);
    } finally {
      LogCorrelation.clear();
    }
  }
}
