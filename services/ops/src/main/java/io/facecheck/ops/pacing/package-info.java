/** How fast a replay publishes: a rate ({@code --rate 50/s}) and the pacer that keeps to it. */
package io.facecheck.ops.pacing;
