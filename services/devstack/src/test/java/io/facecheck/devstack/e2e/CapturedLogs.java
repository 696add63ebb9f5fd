package io.facecheck.devstack.e2e;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Everything the test JVM logs: a Logback appender (declared in logback-test.xml, so it survives
 * each Spring context re-initialising logging) plus copies of System.out and System.err, which
 * catch what bypasses Logback (java.util.logging before Spring bridges it, printStackTrace).
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {

  private static final Queue<String> EVENTS = new ConcurrentLinkedQueue<>();
  private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
  private static boolean consoleCaptured;

  @Override
  protected void append(ILoggingEvent event) {
    StringBuilder line =
        new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
    if (event.getThrowableProxy() != null) {
      line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
    event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    EVENTS.add(line.toString());
  }

  /** Tees System.out and System.err into the capture; call before anything starts. */
  public static synchronized void captureConsole() {
    if (consoleCaptured) {
      return;
    }
    consoleCaptured = true;
    System.setOut(tee(System.out));
    System.setErr(tee(System.err));
  }

  public static int eventCount() {
    return EVENTS.size();
  }

  /** Every captured log event and console byte, as one text. */
  public static String all() {
    String console;
    synchronized (CONSOLE) {
      console = CONSOLE.toString(StandardCharsets.UTF_8);
    }
    return String.join("\n", EVENTS) + "\n" + console;
  }

  private static PrintStream tee(PrintStream original) {
    OutputStream both =
        new OutputStream() {
          @Override
          public void write(int b) {
            original.write(b);
            synchronized (CONSOLE) {
              CONSOLE.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            synchronized (CONSOLE) {
              CONSOLE.write(b, off, len);
            }
          }

          @Override
          public void flush() {
            original.flush();
          }
        };
    return new PrintStream(both, true, StandardCharsets.UTF_8);
  }
}
