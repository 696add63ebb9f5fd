/**
 * What docker-compose.yml's one-shot init containers run: the secrets each service reads as a
 * Spring config tree, generated once and kept in a volume.
 */
package io.facecheck.devstack.compose;
