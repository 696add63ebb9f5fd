/** The dev stack's command line: up, infra and demo. */
package io.facecheck.devstack;
