/**
 * The pipeline's topics as deploy/topics.yaml sets them (partitions, retention, replication), and
 * creating or updating them on a broker: the dev stack's own broker, and docker compose's one-shot
 * {@code topics-init}.
 */
package io.facecheck.devstack.topics;
