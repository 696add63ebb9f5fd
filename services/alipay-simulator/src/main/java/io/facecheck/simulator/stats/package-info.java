/** Counts of gateway calls per method and outcome, and of return_url visits. */
package io.facecheck.simulator.stats;
