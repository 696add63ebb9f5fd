/** The reconciler service: callbacks, the query ladder, outcome decisions and the outbox relay. */
package io.facecheck.reconciler;
