/** The picocli commands and their options; each turns options into settings and runs a stack. */
package io.facecheck.devstack.cli;
