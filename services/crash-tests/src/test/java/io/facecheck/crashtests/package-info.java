/** Services run as child JVMs and killed with SIGKILL mid-run: nothing lost, nothing twice. */
package io.facecheck.crashtests;
