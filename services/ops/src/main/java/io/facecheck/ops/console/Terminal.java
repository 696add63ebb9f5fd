package io.facecheck.ops.console;

import java.io.Console;

/**
 * The operator's terminal, when there is one. Without it nothing ever waits on stdin: a CI job must
 * not hang on a question nobody sees.
 */
public interface Terminal {

  /** Whether a person can be asked (stdin and stdout are a terminal). */
  boolean interactive();

  /** Asks on the terminal; null when the input ended. Only called when {@link #interactive}. */
  String ask(String prompt);

  /** The process's terminal: {@link System#console()} is null unless stdin and stdout are one. */
  static Terminal system() {
    Console console = System.console();
    return new Terminal() {
      @Override
      public boolean interactive() {
        return console != null;
      }

      @Override
      public String ask(String prompt) {
        if (console == null) {
          throw new IllegalStateException("no terminal to ask on");
        }
        return console.readLine("%s", prompt);
      }
    };
  }

  /** No terminal, as in CI or a pipe. */
  static Terminal none() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return false;
      }

      @Override
      public String ask(String prompt) {
        throw new IllegalStateException("no terminal to ask on");
      }
    };
  }
}
