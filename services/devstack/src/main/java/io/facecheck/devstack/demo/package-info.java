/** The demo: N requests through the running stack, a live progress line, and a summary. */
package io.facecheck.devstack.demo;
