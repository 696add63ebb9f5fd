/** {@code resume}: ask for a dead-lettered verification that waited for its user to go on. */
package io.facecheck.ops.resume;
