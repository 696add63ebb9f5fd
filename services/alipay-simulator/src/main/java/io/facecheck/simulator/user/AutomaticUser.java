package io.facecheck.simulator.user;

import io.facecheck.simulator.certification.Certification;
import io.facecheck.simulator.scenario.ScenarioEngine;
import io.facecheck.simulator.scenario.UserChoice;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the scenario enables it, acts on each new certification after its delay: a timer, not a
 * thread.
 */
public final class AutomaticUser {
  private static final Logger LOG = LoggerFactory.getLogger(AutomaticUser.class);
  private final ScenarioEngine scenario;
  private final ScanCompleter user;
  private final ScheduledExecutorService scheduler;

  public AutomaticUser(
      ScenarioEngine scenario, ScanCompleter user, ScheduledExecutorService scheduler) {
    this.scenario = scenario;
    this.user = user;
    this.scheduler = scheduler;
  }

  public void onCreated(Certification certification) {
    scenario
        .userChoice()
        .ifPresent(
            choice ->
                scheduler.schedule(
                    () -> act(certification, choice), choice.delayMs(), TimeUnit.MILLISECONDS));
  }

  private void act(Certification certification, UserChoice choice) {
    if (choice.action() == UserChoice.Action.ABANDON) {
      certification.abandon();
      return;
    }
    try {
      user.complete(
          certification.certifyId(),
          choice.action() == UserChoice.Action.PASS,
          choice.failReason(),
          choice.visitReturnUrl());
    } catch (IllegalStateException e) {
      // someone (the page, the admin API) finished it first; their result stands
      LOG.debug("automatic user came too late", e);
    }
  }
}
