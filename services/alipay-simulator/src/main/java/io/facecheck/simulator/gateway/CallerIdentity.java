package io.facecheck.simulator.gateway;

import io.facecheck.simulator.signing.SignAlgorithm;

/** Who called and how they sign: the response is signed with the caller's algorithm. */
public record CallerIdentity(String appId, String method, SignAlgorithm algorithm) {}
