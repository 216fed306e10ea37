package vn.lienthong.signing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.lienthong.signing.Fixtures;

/**
 * The seeds mutated by {@link PdfMutator} with a fixed {@link Random} seed, each mutant checked
 * against properties (a) and (b) of {@link PdfProperties}: the same mutants in every run. A few
 * thousand in the normal run ({@code -Dfuzz.iterations}, default 3000, {@code -Dfuzz.seed}); the
 * {@code fuzz} profile runs many more and adds the B-LT seed ({@code -Dfuzz.generatedSeeds=true}).
 * Each failure is written to {@code target/fuzz-findings/} with what was mutated; a mutant that
 * takes more than 10 s is a finding too (written while it still runs).
 */
class PdfMutationTest {

  private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 3000);
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_127L);
  private static final long SLOW_MILLIS = 10_000;

  private volatile PdfMutator.Mutant current;
  private volatile long started;

  @Test
  void mutatedSeedsAreReadOrRefusedNeverCrash() throws Exception {
    Map<String, byte[]> seeds = new LinkedHashMap<>(FuzzSeeds.load());
    if (Boolean.getBoolean("fuzz.generatedSeeds")) {
      Path dir = Files.createTempDirectory(Fixtures.target(), "fuzz-seeds");
      seeds.put("leader-then-seal-b-lt.pdf", FuzzSeeds.leaderThenSeal(dir));
    }
    List<String> names = new ArrayList<>(seeds.keySet());
    Path findings = Fixtures.target().resolve("fuzz-findings");
    PdfMutator mutator = new PdfMutator(new Random(SEED));
    List<String> failures = new ArrayList<>();
    Thread watchdog = watchdog(findings);
    long start = System.nanoTime();
    try {
      for (int i = 0; i < ITERATIONS; i++) {
        String name = names.get(i % names.size());
        PdfMutator.Mutant mutant = mutator.mutate(seeds.get(name));
        current = mutant;
        started = System.currentTimeMillis();
        try {
          PdfProperties.readAndWrite(mutant.bytes());
          PdfProperties.compareRevisions(mutant.bytes());
        } catch (Throwable e) { // every Error is a finding too, StackOverflowError above all
          String file = "mutant-" + i + "-" + name;
          save(findings, file, mutant, e);
          failures.add(file + " (" + mutant.description() + "): " + e);
          if (failures.size() >= 50) {
            break;
          }
        }
        long took = System.currentTimeMillis() - started;
        if (took > SLOW_MILLIS) {
          failures.add("mutant-" + i + "-" + name + " took " + took + " ms");
        }
        current = null;
      }
    } finally {
      watchdog.interrupt();
    }
    System.out.printf(
        "PdfMutationTest: %d mutants of %d seeds in %.1f s, %d findings%n",
        ITERATIONS, seeds.size(), (System.nanoTime() - start) / 1e9, failures.size());
    assertThat(failures).isEmpty();
  }

  /** Writes the mutant that runs too long before it ends (if it ever does). */
  private Thread watchdog(Path findings) {
    Thread thread =
        new Thread(
            () -> {
              PdfMutator.Mutant reported = null;
              while (!Thread.currentThread().isInterrupted()) {
                PdfMutator.Mutant now = current;
                if (now != null
                    && now != reported
                    && System.currentTimeMillis() - started > SLOW_MILLIS) {
                  save(findings, "slow-" + System.currentTimeMillis() + ".pdf", now, null);
                  reported = now;
                }
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "fuzz-watchdog");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void save(Path dir, String name, PdfMutator.Mutant mutant, Throwable failure) {
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name), mutant.bytes());
      StringWriter trace = new StringWriter();
      trace.write(mutant.description() + "\n");
      if (failure != null) {
        failure.printStackTrace(new PrintWriter(trace));
      }
      String text = trace.toString();
      Files.writeString(
          dir.resolve(name + ".txt"), text.substring(0, Math.min(20_000, text.length())));
    } catch (IOException e) {
      // the failure is still reported by the test
    }
  }
}
