/**
 * The simulated user: completes certifications (page, admin API, automatic user) and visits the
 * return_url.
 */
package io.facecheck.simulator.user;
