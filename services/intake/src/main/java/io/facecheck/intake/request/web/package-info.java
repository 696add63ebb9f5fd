/** HTTP face of request intake. */
package io.facecheck.intake.request.web;
