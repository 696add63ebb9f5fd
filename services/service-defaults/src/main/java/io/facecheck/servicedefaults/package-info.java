/** A service's default settings, beneath everything a launcher or the environment sets. */
package io.facecheck.servicedefaults;
