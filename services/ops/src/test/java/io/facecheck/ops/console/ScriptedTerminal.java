package io.facecheck.ops.console;

import java.util.ArrayList;
import java.util.List;

/** A terminal that answers every question with the same line, and remembers the questions. */
public final class ScriptedTerminal implements Terminal {

  private final String answer;
  private final List<String> asked = new ArrayList<>();

  public ScriptedTerminal(String answer) {
    this.answer = answer;
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public synchronized String ask(String prompt) {
    asked.add(prompt);
    return answer;
  }

  public synchronized List<String> asked() {
    return List.copyOf(asked);
  }
}
