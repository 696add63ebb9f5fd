/** Settings and explicit wiring of the reconciler. */
package io.facecheck.reconciler.config;
