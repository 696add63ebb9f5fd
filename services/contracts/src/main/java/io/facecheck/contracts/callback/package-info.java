/** The verification-callbacks payload: a user's verified return, a hint to query at once. */
package io.facecheck.contracts.callback;
