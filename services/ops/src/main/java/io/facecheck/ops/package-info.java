/** The facecheck-ops command: its entry point, exit codes and how commands get their context. */
package io.facecheck.ops;
