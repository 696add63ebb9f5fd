/**
 * Certifications the simulator has issued and their lifecycle: INIT, then PASSED, FAILED or
 * ABANDONED.
 */
package io.facecheck.simulator.certification;
