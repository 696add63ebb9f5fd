/** The exit codes every command ends with, and which exception ends a run with which. */
package io.facecheck.ops.exit;
