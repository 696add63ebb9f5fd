/** A user's return (a verified callback): recorded, and answered with an immediate query. */
package io.facecheck.reconciler.callback;
