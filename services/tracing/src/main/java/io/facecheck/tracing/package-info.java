/** The ids every log line written while handling a record or request carries (MDC). */
package io.facecheck.tracing;
