/** The {@code dlt list | show | replay} commands. */
package io.facecheck.ops.deadletter.cli;
