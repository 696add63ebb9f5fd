/** The verification status machine: statuses, guarded transitions, and the changes they produce. */
package io.facecheck.statemachine;
