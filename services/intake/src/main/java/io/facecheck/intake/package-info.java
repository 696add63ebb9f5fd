/**
 * The intake service: HTTP entry to the pipeline for requests, status look-ups and Alipay returns.
 */
package io.facecheck.intake;
