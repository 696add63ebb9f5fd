package io.facecheck.worker.config;

/** How this worker signs its timeline entries, e.g. {@code worker@host-1}. */
public record WorkerIdentity(String source) {}
