/**
 * The OpenAPI gateway: request decoding, Alipay's authentication checks, the certify.open APIs,
 * signed replies.
 */
package io.facecheck.simulator.gateway;
