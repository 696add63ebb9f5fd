/** {@code lookup}: which verification a command is about, by its id or by the caller's ids. */
package io.facecheck.ops.lookup;
