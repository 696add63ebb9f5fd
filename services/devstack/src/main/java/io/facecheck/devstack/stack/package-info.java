/** Starting the whole stack in one JVM: infrastructure, generated keys and the services. */
package io.facecheck.devstack.stack;
