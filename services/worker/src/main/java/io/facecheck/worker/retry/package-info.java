/**
 * Non-blocking retries: transient failures go to retry topics with growing delays, bounded by the
 * verification's TTL, then to the dead letter; outages park records without spending retries.
 */
package io.facecheck.worker.retry;
