/**
 * The HTTP layer: a Netty server that answers asynchronously and delays replies by scheduling, not
 * sleeping.
 */
package io.facecheck.simulator.http;
