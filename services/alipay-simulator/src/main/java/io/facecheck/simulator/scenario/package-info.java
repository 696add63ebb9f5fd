/**
 * Applies the current scenario: seeded per-call fault and latency draws, outages, the automatic
 * user.
 */
package io.facecheck.simulator.scenario;
