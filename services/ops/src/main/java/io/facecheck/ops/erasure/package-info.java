/**
 * {@code erase}: a data-subject request, the sealed identity of one final verification erased now.
 */
package io.facecheck.ops.erasure;
