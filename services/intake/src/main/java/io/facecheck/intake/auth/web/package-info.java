/** Spring MVC glue of bearer-token authentication. */
package io.facecheck.intake.auth.web;
