/** Who is calling: bearer tokens from configuration, each belonging to one client_id. */
package io.facecheck.intake.auth;
