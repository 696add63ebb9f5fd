/**
 * The admin API under /sim (DESIGN.md §9): apps, the Alipay public key, completion, scenario,
 * stats.
 */
package io.facecheck.simulator.admin;
