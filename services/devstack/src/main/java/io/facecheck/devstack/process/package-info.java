/** Child JVMs started from the devstack's own classpath, and signals sent to processes. */
package io.facecheck.devstack.process;
