/** Plain-text tables and JSON lines for the commands' output. */
package io.facecheck.ops.render;
