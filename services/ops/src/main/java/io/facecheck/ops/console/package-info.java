/**
 * What a command shows an operator and asks of them: stdout for results (text or JSON lines),
 * stderr for progress, notices and errors, the terminal for confirmations, and the ticker that
 * times progress and pacing.
 */
package io.facecheck.ops.console;
