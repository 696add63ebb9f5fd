/** Which observations also become meters: only those whose meters docs/metrics.md lists. */
package io.facecheck.tracing.meters;
