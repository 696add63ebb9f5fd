package io.facecheck.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuAttributionTest {

  private static final List<MeasuredProcess> PROCESSES =
      List.of(
          new MeasuredProcess("worker-1", MeasuredProcess.FACECHECK, 1, false),
          new MeasuredProcess("reconciler-1", MeasuredProcess.FACECHECK, 2, false),
          new MeasuredProcess("intake", MeasuredProcess.FACECHECK, 3, false),
          new MeasuredProcess("kafka", MeasuredProcess.KAFKA, 4, false),
          new MeasuredProcess("postgres", MeasuredProcess.POSTGRES, 5, true),
          new MeasuredProcess("simulator", MeasuredProcess.SIMULATOR, 6, false),
          new MeasuredProcess("driver", MeasuredProcess.DRIVER, 7, false));

  @Test
  void splitsTheWindowsCpuPerVerificationByProcessAndGroupLeavingTheDriverOutOfTheBox() {
    Map<String, Long> spent =
        Map.of(
            "worker-1", 10_000L,
            "reconciler-1", 4_000L,
            "intake", 2_000L,
            "kafka", 3_000L,
            "postgres", 5_000L,
            "simulator", 6_000L,
            "driver", 1_000L);

    CpuAttribution cpu = CpuAttribution.of(PROCESSES, spent, Map.of(), 1_000, 20.0, 2);

    assertThat(cpu.perVerificationByProcess()).containsEntry("worker-1", 10.0);
    assertThat(cpu.perVerificationByGroup())
        .containsEntry(MeasuredProcess.FACECHECK, 16.0)
        .containsEntry(MeasuredProcess.KAFKA, 3.0)
        .containsEntry(MeasuredProcess.POSTGRES, 5.0)
        .containsEntry(MeasuredProcess.SIMULATOR, 6.0)
        .containsEntry(CpuAttribution.BOX, 30.0)
        .containsEntry(MeasuredProcess.DRIVER, 1.0);
    // 30 s of CPU in 20 s on 2 cores
    assertThat(cpu.machineUtilisationPercent()).isEqualTo(75.0);
  }

  @Test
  void idleCpuIsPerSecondAndPerGroup() {
    Map<String, Long> spent =
        Map.of(
            "worker-1", 50L,
            "reconciler-1", 30L,
            "intake", 20L,
            "kafka", 40L,
            "postgres", 10L,
            "simulator", 5L,
            "driver", 100L);

    assertThat(CpuAttribution.idlePerSecond(PROCESSES, spent, 5.0))
        .containsEntry(MeasuredProcess.FACECHECK, 20.0)
        .containsEntry(MeasuredProcess.KAFKA, 8.0)
        .containsEntry(MeasuredProcess.POSTGRES, 2.0)
        .containsEntry(MeasuredProcess.SIMULATOR, 1.0)
        .doesNotContainKey(MeasuredProcess.DRIVER);
  }

  @Test
  void netOfIdleTakesEachGroupsIdleRateOverTheWindowOffNeverBelowZero() {
    Map<String, Long> spent =
        Map.of(
            "worker-1", 10_000L,
            "reconciler-1", 4_000L,
            "intake", 2_000L,
            "kafka", 3_000L,
            "postgres", 5_000L,
            "simulator", 6_000L,
            "driver", 1_000L);
    CpuAttribution cpu = CpuAttribution.of(PROCESSES, spent, Map.of(), 1_000, 20.0, 2);

    // idle over 20 s for 1,000 verifications: 100 ms/s is 2 ms each; 400 ms/s would be 8
    Map<String, Double> net =
        cpu.perVerificationNetOfIdle(
            Map.of(
                MeasuredProcess.FACECHECK, 100.0,
                MeasuredProcess.KAFKA, 50.0,
                MeasuredProcess.POSTGRES, 400.0,
                MeasuredProcess.SIMULATOR, 0.0),
            1_000);

    assertThat(net)
        .containsEntry(MeasuredProcess.FACECHECK, 14.0)
        .containsEntry(MeasuredProcess.KAFKA, 2.0)
        .containsEntry(MeasuredProcess.POSTGRES, 0.0)
        .containsEntry(MeasuredProcess.SIMULATOR, 6.0)
        .containsEntry(CpuAttribution.BOX, 22.0);
  }

  @Test
  void theSteadyStateLeavesOutEachGroupsJitCompilationAndItsIdleCostOutsideTheJit() {
    Map<String, Long> spent =
        Map.of(
            "worker-1", 10_000L,
            "reconciler-1", 4_000L,
            "intake", 2_000L,
            "kafka", 3_000L,
            "postgres", 5_000L,
            "simulator", 6_000L,
            "driver", 1_000L);
    Map<String, Long> jit =
        Map.of("worker-1", 3_000L, "intake", 1_000L, "kafka", 500L, "driver", 900L);
    CpuAttribution cpu = CpuAttribution.of(PROCESSES, spent, jit, 1_000, 20.0, 2);

    assertThat(cpu.jitPerVerificationByGroup())
        .containsEntry(MeasuredProcess.FACECHECK, 4.0)
        .containsEntry(MeasuredProcess.KAFKA, 0.5)
        .containsEntry(MeasuredProcess.POSTGRES, 0.0)
        .doesNotContainKey(MeasuredProcess.DRIVER);
    // facecheck: 16 - 4 JIT - 50 ms/s idle over 20 s for 1,000 (1 ms) = 11
    assertThat(
            cpu.perVerificationSteady(
                Map.of(MeasuredProcess.FACECHECK, 50.0, MeasuredProcess.KAFKA, 200.0), 1_000))
        .containsEntry(MeasuredProcess.FACECHECK, 11.0)
        .containsEntry(MeasuredProcess.KAFKA, 0.0)
        .containsEntry(MeasuredProcess.POSTGRES, 5.0)
        .containsEntry(MeasuredProcess.SIMULATOR, 6.0)
        .containsEntry(CpuAttribution.BOX, 22.0);
  }
}
