/** Typed settings and the explicit wiring of the worker. */
package io.facecheck.worker.config;
