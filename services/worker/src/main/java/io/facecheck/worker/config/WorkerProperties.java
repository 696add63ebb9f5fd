package io.facecheck.worker.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code facecheck.worker.*}; every default is here.
 *
 * @param maxInFlight records worked on at once across all listener threads (the pool size)
 * @param virtualThreads run records on virtual threads when the JVM has them (21+)
 * @param consumerConcurrency listener threads per topic (each owns some partitions)
 * @param retryConsumerConcurrency listener threads of each retry container (all of a main topic's
 *     retry topics): they idle most of the time, and every idle consumer costs the broker its
 *     fetches and heartbeats; one thread only hands records to the in-flight pool
 * @param retryFetchMaxWait how long the broker holds an empty fetch of a retry container before
 *     answering (Kafka's fetch.max.wait.ms, 500 ms by default): records arriving end the wait at
 *     once, so this costs latency only when a partition paused until its records are due resumes
 *     while a fetch is pending (at most this much on top of a delay of 5 s or more)
 * @param maxPollRecords records per poll, dispatched together
 * @param maxPollInterval how long a batch may take before Kafka assumes the consumer died
 * @param batchTimeBudget how long records of a batch may still be started; the rest are handed back
 *     to Kafka for the next poll (must leave room, below maxPollInterval, for the records already
 *     started: each is bounded by the SDK's timeouts and the in-process retries); default a third
 *     of maxPollInterval
 * @param recordAttempts attempts in place of a record that fails unexpectedly (not a database or
 *     broker outage, not data PostgreSQL refuses) before it is dead-lettered
 * @param firstQueryDelay when the first ladder query is due after the certify URL is issued
 * @param callbackGrace how long after expires_at the callback token still verifies
 * @param topicPartitions partitions of the topics the worker creates if they are missing
 * @param instance names this worker in the timeline ({@code worker@<instance>}); host name if blank
 */
@ConfigurationProperties("facecheck.worker")
public record WorkerProperties(
    int maxInFlight,
    boolean virtualThreads,
    int consumerConcurrency,
    int retryConsumerConcurrency,
    Duration retryFetchMaxWait,
    int maxPollRecords,
    Duration maxPollInterval,
    Duration batchTimeBudget,
    int recordAttempts,
    Duration firstQueryDelay,
    Duration callbackGrace,
    String requestsGroupId,
    String queriesGroupId,
    int topicPartitions,
    String instance,
    Retry retry,
    CircuitBreaker circuitBreaker,
    Alipay alipay) {

  public WorkerProperties {
    maxInFlight = maxInFlight > 0 ? maxInFlight : 64;
    consumerConcurrency = consumerConcurrency > 0 ? consumerConcurrency : 3;
    retryConsumerConcurrency = retryConsumerConcurrency > 0 ? retryConsumerConcurrency : 1;
    retryFetchMaxWait = retryFetchMaxWait != null ? retryFetchMaxWait : Duration.ofSeconds(5);
    maxPollRecords = maxPollRecords > 0 ? maxPollRecords : 250;
    maxPollInterval = maxPollInterval != null ? maxPollInterval : Duration.ofMinutes(10);
    batchTimeBudget = batchTimeBudget != null ? batchTimeBudget : maxPollInterval.dividedBy(3);
    if (batchTimeBudget.compareTo(maxPollInterval) >= 0) {
      throw new IllegalArgumentException(
          "facecheck.worker.batch-time-budget must be below max-poll-interval: the records already"
              + " started must still finish before Kafka gives the partitions away");
    }
    recordAttempts = recordAttempts > 0 ? recordAttempts : 3;
    firstQueryDelay = firstQueryDelay != null ? firstQueryDelay : Duration.ofMinutes(1);
    callbackGrace = callbackGrace != null ? callbackGrace : Duration.ofMinutes(15);
    requestsGroupId = blank(requestsGroupId) ? "facecheck-worker-requests" : requestsGroupId;
    queriesGroupId = blank(queriesGroupId) ? "facecheck-worker-queries" : queriesGroupId;
    topicPartitions = topicPartitions > 0 ? topicPartitions : 6;
    retry = retry != null ? retry : new Retry(0, null, null, null);
    circuitBreaker =
        circuitBreaker != null ? circuitBreaker : new CircuitBreaker(null, 0, 0, 0, null, 0, null);
    alipay = alipay != null ? alipay : new Alipay(null, null, null, 0, null, null, null);
  }

  /**
   * In-process retries of transient Alipay failures (a few, quick, jittered), then the retry topics
   * with growing {@code topicDelays}, one topic per delay, then the dead letter.
   */
  public record Retry(
      int maxAttempts, Duration initialBackoff, Duration maxBackoff, List<Duration> topicDelays) {
    public Retry {
      maxAttempts = maxAttempts > 0 ? maxAttempts : 3;
      initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofMillis(200);
      maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofSeconds(1);
      topicDelays =
          topicDelays != null && !topicDelays.isEmpty()
              ? List.copyOf(topicDelays)
              : List.of(
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(30),
                  Duration.ofMinutes(2),
                  Duration.ofMinutes(10));
    }
  }

  /**
   * The circuit breaker of each Alipay app: {@code failureRateThreshold} percent transient failures
   * among the last {@code slidingWindow} calls (at least {@code minimumCalls}) open it for {@code
   * waitInOpen}; then {@code halfOpenCalls} probes decide. Calls held while it is half-open are
   * retried after {@code halfOpenRecheck}.
   */
  public record CircuitBreaker(
      Boolean enabled,
      int slidingWindow,
      int minimumCalls,
      float failureRateThreshold,
      Duration waitInOpen,
      int halfOpenCalls,
      Duration halfOpenRecheck) {
    public CircuitBreaker {
      enabled = enabled == null || enabled;
      slidingWindow = slidingWindow > 0 ? slidingWindow : 50;
      minimumCalls = minimumCalls > 0 ? minimumCalls : 20;
      failureRateThreshold = failureRateThreshold > 0 ? failureRateThreshold : 50;
      waitInOpen = waitInOpen != null ? waitInOpen : Duration.ofSeconds(10);
      halfOpenCalls = halfOpenCalls > 0 ? halfOpenCalls : 3;
      halfOpenRecheck = halfOpenRecheck != null ? halfOpenRecheck : Duration.ofSeconds(1);
    }
  }

  /**
   * The Alipay apps by name (a request's {@code app}; {@code default} when it names none) and how
   * the SDK connects. {@code maxIdleConnections} 0 means "as many as max-in-flight".
   *
   * @param environment {@code simulator}, {@code sandbox} or {@code production}: which Alipay every
   *     app must point at (checked at startup); blank: not checked
   * @param reloadInterval how often the apps' settings (their files) are read again and changed
   *     credentials swapped in without a restart; zero or negative: never
   */
  public record Alipay(
      Map<String, App> apps,
      Duration connectTimeout,
      Duration readTimeout,
      int maxIdleConnections,
      Duration keepAlive,
      String environment,
      Duration reloadInterval) {
    public Alipay {
      apps = apps != null ? Map.copyOf(apps) : Map.of();
      connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(3);
      readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(10);
      keepAlive = keepAlive != null ? keepAlive : Duration.ofSeconds(10);
      reloadInterval = reloadInterval != null ? reloadInterval : Duration.ofSeconds(30);
    }
  }

  /**
   * One app's credentials: from configuration, the environment or files only, never from code. Each
   * secret is a value or a {@code …-file} path (read again on every reload).
   */
  public record App(
      String appId,
      String mode,
      String privateKey,
      String privateKeyFile,
      String alipayPublicKey,
      String alipayPublicKeyFile,
      String appCert,
      String appCertFile,
      String alipayCert,
      String alipayCertFile,
      String alipayRootCert,
      String alipayRootCertFile,
      String encryptKey,
      String encryptKeyFile,
      String gatewayUrl,
      String signType) {
    @Override
    public String toString() {
      return "App[appId=" + appId + ", mode=" + mode + ", gatewayUrl=" + gatewayUrl + ", keys=***]";
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
