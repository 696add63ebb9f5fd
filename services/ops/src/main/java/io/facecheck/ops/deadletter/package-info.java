/** Dead letters as ops see them: safe rows, masked values, what a replay would do. */
package io.facecheck.ops.deadletter;
