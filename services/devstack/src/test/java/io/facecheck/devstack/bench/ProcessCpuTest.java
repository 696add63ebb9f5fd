package io.facecheck.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  // a real line, command name with a space and parentheses; utime 1234, stime 56, cutime 70,
  // cstime 8 (fields 14 to 17)
  private static final String STAT =
      "4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194560 900 1200 0 0 1234 56 70 8 20 0 1 0"
          + " 12345 180000000 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

  @Test
  void readsUserAndSystemTimeAfterTheLastParenthesis() {
    assertThat(ProcessCpu.ownTicks(STAT)).isEqualTo(1234 + 56);
    assertThat(ProcessCpu.reapedChildrenTicks(STAT)).isEqualTo(70 + 8);
  }

  @Test
  void knowsHotSpotsCompilerThreadsByTheirFifteenCharacterName() {
    assertThat(ProcessCpu.isJitCompilerThread(STAT.replace("postgres: a (b) c", "C2 CompilerThre")))
        .isTrue();
    assertThat(ProcessCpu.isJitCompilerThread(STAT.replace("postgres: a (b) c", "C1 CompilerThre")))
        .isTrue();
    assertThat(ProcessCpu.isJitCompilerThread(STAT.replace("postgres: a (b) c", "http-nio-8080-e")))
        .isFalse();
    assertThat(ProcessCpu.isJitCompilerThread(STAT)).isFalse();
  }

  @Test
  void thisJvmsJitTimeIsPartOfItsOwnTime() {
    assumeThat(ProcessCpu.available()).isTrue();
    long pid = ProcessHandle.current().pid();
    long jit = ProcessCpu.jitCompilerMillis(pid);
    long own = ProcessCpu.ownMillis(pid);
    // the test JVM has compiled this much code by now (class loading, JUnit, AssertJ)
    assertThat(jit).isPositive().isLessThanOrEqualTo(own);
  }

  @Test
  void convertsTicksToMilliseconds() {
    assertThat(ProcessCpu.toMillis(1290)).isEqualTo(12_900);
  }

  @Test
  void aTreeCountsWhatItsChildrenSpentAlsoAfterTheyEnded() throws Exception {
    assumeThat(ProcessCpu.available()).isTrue();
    // a shell that burns CPU in a child it waits for: once the child ended, its time is the
    // shell's cutime, which the tree counts and the process's own time does not
    Process shell =
        new ProcessBuilder(
                "sh",
                "-c",
                "sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done'; echo ended; sleep 30")
            .start();
    try (BufferedReader output =
        new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
      // the shell says so once it has waited for the busy child
      assertThat(output.readLine()).isEqualTo("ended");
      assertThat(ProcessCpu.treeMillis(shell.pid()))
          .isGreaterThan(ProcessCpu.ownMillis(shell.pid()));
    } finally {
      shell.destroyForcibly();
    }
  }

  @Test
  void aProcessThatIsGoneReadsAsMinusOne() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    assertThat(ProcessCpu.ownMillis(done.pid())).isEqualTo(-1);
    assertThat(ProcessCpu.treeMillis(done.pid())).isEqualTo(-1);
  }
}
