/**
 * The admin API under /sim (the simulator's README, Endpoints): apps, the Alipay public key,
 * completion, scenario, stats.
 */
package io.facecheck.simulator.admin;
