package io.facecheck.worker.query;

/** Alipay's answer to a query: passed T or F, and the fail_reason it may add to an F. */
public record QueryAnswer(boolean passed, String failReason) {}
