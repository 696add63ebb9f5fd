package io.facecheck.simulator.http;

/** An HTTP request, fully read. {@code rawQuery} is the undecoded text after '?', or "". */
public record IncomingRequest(
    String method, String path, String rawQuery, String contentType, byte[] body) {}
