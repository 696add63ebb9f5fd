package io.facecheck.devstack.process;

/**
 * Closes what a command started when the JVM is asked to exit (Ctrl-C, SIGTERM) before the command
 * closed it itself, so no child JVM, broker or PostgreSQL outlives the command. Closed normally, it
 * unregisters its hook.
 */
public final class StopOnExit implements AutoCloseable {

  private final Thread hook;

  private StopOnExit(AutoCloseable resource) {
    this.hook =
        new Thread(
            () -> {
              try {
                resource.close();
              } catch (Exception e) {
                System.err.println("devstack: stopping on exit failed: " + e);
              }
            },
            "devstack-stop-on-exit");
  }

  /** Registers {@code resource} to be closed if the JVM exits while this guard is open. */
  public static StopOnExit closing(AutoCloseable resource) {
    StopOnExit guard = new StopOnExit(resource);
    Runtime.getRuntime().addShutdownHook(guard.hook);
    return guard;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException exiting) {
      // the JVM is exiting: the hook runs (or ran) anyway
    }
  }
}
