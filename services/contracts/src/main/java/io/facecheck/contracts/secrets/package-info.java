/** The secrets intake and the worker share, checked in one place. */
package io.facecheck.contracts.secrets;
