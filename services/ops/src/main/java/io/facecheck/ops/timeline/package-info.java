/** {@code timeline}: a verification's state and its transitions, oldest first, free of PII. */
package io.facecheck.ops.timeline;
