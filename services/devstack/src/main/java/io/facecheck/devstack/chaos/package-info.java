/**
 * {@code devstack chaos}: the pipeline as separate processes under a seeded schedule of faults, and
 * a verdict from what the run left behind.
 */
package io.facecheck.devstack.chaos;
