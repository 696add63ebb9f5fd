/** The verification-callbacks listener. */
package io.facecheck.reconciler.callback.kafka;
