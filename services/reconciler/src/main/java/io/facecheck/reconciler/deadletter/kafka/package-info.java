/** Dead letters of the reconciler's topics, with the contract's diagnostic headers. */
package io.facecheck.reconciler.deadletter.kafka;
