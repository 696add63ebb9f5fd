package io.facecheck.simulator.user;

/**
 * The result of completing a certification.
 *
 * @param status PASSED or FAILED, the certification's status afterwards
 * @param returnUrlStatus the HTTP status the return_url answered, when it was visited
 * @param returnUrlError why the visit failed, when it did
 */
public record Completion(
    String certifyId, String status, Integer returnUrlStatus, String returnUrlError) {}
