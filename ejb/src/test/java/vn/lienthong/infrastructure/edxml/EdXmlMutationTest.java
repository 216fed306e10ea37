package vn.lienthong.infrastructure.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte-level mutants of valid packages, the same ones in every run ({@link Random} with a fixed
 * seed): each must be read or refused with an {@link EdXmlException} (see {@link EdXmlProperties}),
 * within a few seconds. A few thousand in the normal run ({@code -Dfuzz.iterations}, default 3000,
 * {@code -Dfuzz.seed}); the {@code fuzz} profile runs many more. A failing mutant is written to
 * {@code target/fuzz-findings/} with what was mutated.
 */
class EdXmlMutationTest {
  private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 3000);
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);

  /** Pieces of XML and of edXML that a random byte rarely makes. */
  private static final List<String> TOKENS =
      List.of(
          "<",
          ">",
          "</",
          "/>",
          "&",
          "&amp;",
          "&#0;",
          "&#x1F600;",
          "&nbsp;",
          "<![CDATA[",
          "]]>",
          "<!--",
          "-->",
          "<?pi x?>",
          "<!DOCTYPE edXML [<!ENTITY e \"x\">]>",
          "\"",
          "'",
          "=",
          " xmlns=\"urn:other\"",
          " xmlns:edXML=\"urn:other\"",
          "<edXML:To>",
          "</edXML:To>",
          "<edXML:Subject>",
          "<edXML:Status>",
          "<edXML:StatusCode>01</edXML:StatusCode>",
          "<Attachment>",
          "<ContentTransferEncoded>",
          "cid:",
          "====",
          "AAAA",
          "2026/02/30",
          "99/99/2026 25:61:61",
          "-1",
          "2147483648",
          "\u0000",
          "\uFFFF",
          "Việt");

  @TempDir Path dir;

  @Test
  void everyMutantIsReadOrRefusedWithAnEdXmlException(@TempDir Path sources) throws IOException {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    seeds.put("document", EdXmlSamples.write(EdXmlSamples.document(sources, 60, 37)));
    seeds.put("status", EdXmlSamples.write(EdXmlSamples.status(EdXmlStatus.StatusCode.DONE)));
    seeds.put("sample-document.edxml", EdXmlSamples.resource("sample-document.edxml"));
    seeds.put("sample-status-bkav.edxml", EdXmlSamples.resource("sample-status-bkav.edxml"));
    List<String> names = new ArrayList<>(seeds.keySet());
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    int read = 0;
    long start = System.nanoTime();
    for (int i = 0; i < ITERATIONS && failures.size() < 20; i++) {
      String name = names.get(i % names.size());
      StringBuilder what = new StringBuilder(name);
      byte[] mutant = mutate(seeds.get(name), random, what);
      try {
        boolean ok =
            assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> EdXmlProperties.readOrRefuse(mutant, dir));
        if (ok) {
          read++;
        }
      } catch (Throwable e) { // an Error is a finding too, the time limit above all
        String file = "edxml-mutant-" + i;
        save(file, mutant, what, e);
        failures.add(file + " (" + what + "): " + e);
        clean();
      }
    }
    System.out.printf(
        "EdXmlMutationTest: %d mutants of %d seeds in %.1f s, %d read, %d findings%n",
        ITERATIONS, seeds.size(), (System.nanoTime() - start) / 1e9, read, failures.size());
    assertThat(failures).isEmpty();
    // the mutants are not all refused at the first byte: some still read
    assertThat(read).isPositive();
  }

  /** One to four mutations, each described in {@code what}. */
  static byte[] mutate(byte[] seed, Random random, StringBuilder what) {
    byte[] b = seed;
    int count = 1 + random.nextInt(4);
    for (int m = 0; m < count; m++) {
      int at = random.nextInt(b.length + 1);
      switch (random.nextInt(9)) {
        case 0 -> {
          if (at < b.length) {
            int bit = random.nextInt(8);
            b = b.clone();
            b[at] ^= (byte) (1 << bit);
            what.append(", bit ").append(bit).append(" of byte ").append(at);
          }
        }
        case 1 -> {
          if (at < b.length) {
            b = b.clone();
            b[at] = (byte) random.nextInt(256);
            what.append(", byte ").append(at).append(" set to ").append(b[at] & 0xFF);
          }
        }
        case 2 -> {
          int length = Math.min(1 + random.nextInt(32), b.length - at);
          b = splice(b, at, length, new byte[0]);
          what.append(", ").append(length).append(" bytes removed at ").append(at);
        }
        case 3 -> {
          byte[] noise = new byte[1 + random.nextInt(16)];
          random.nextBytes(noise);
          b = splice(b, at, 0, noise);
          what.append(", ").append(noise.length).append(" random bytes inserted at ").append(at);
        }
        case 4 -> {
          String token = TOKENS.get(random.nextInt(TOKENS.size()));
          b = splice(b, at, 0, token.getBytes(StandardCharsets.UTF_8));
          what.append(", \"").append(token).append("\" inserted at ").append(at);
        }
        case 5 -> {
          int length = Math.min(1 + random.nextInt(200), b.length - at);
          int times = 1 + random.nextInt(random.nextBoolean() ? 3 : 200);
          byte[] range = java.util.Arrays.copyOfRange(b, at, at + length);
          byte[] repeated = new byte[length * times];
          for (int t = 0; t < times; t++) {
            System.arraycopy(range, 0, repeated, t * length, length);
          }
          b = splice(b, at, 0, repeated);
          what.append(", ")
              .append(length)
              .append(" bytes at ")
              .append(at)
              .append(" repeated ")
              .append(times)
              .append(" times");
        }
        case 6 -> {
          b = java.util.Arrays.copyOf(b, at);
          what.append(", cut at ").append(at);
        }
        case 7 -> {
          int other = random.nextInt(b.length + 1);
          int from = Math.min(at, other);
          int to = Math.max(at, other);
          int length = Math.min(1 + random.nextInt(64), b.length - to);
          if (length > 0 && from + length <= to) {
            b = b.clone();
            byte[] first = java.util.Arrays.copyOfRange(b, from, from + length);
            System.arraycopy(b, to, b, from, length);
            System.arraycopy(first, 0, b, to, length);
            what.append(", ")
                .append(length)
                .append(" bytes swapped between ")
                .append(from)
                .append(" and ")
                .append(to);
          }
        }
        default -> {
          // a high byte where text is: a broken UTF-8 sequence, or a complete one
          byte[] sequence =
              random.nextBoolean()
                  ? new byte[] {(byte) 0xC3}
                  : "ệ".getBytes(StandardCharsets.UTF_8);
          b = splice(b, at, 0, sequence);
          what.append(", UTF-8 sequence of ").append(sequence.length).append(" at ").append(at);
        }
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, int removed, byte[] inserted) {
    byte[] out = new byte[b.length - removed + inserted.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(b, at + removed, out, at + inserted.length, b.length - at - removed);
    return out;
  }

  private void clean() throws IOException {
    for (Path p : EdXmlSamples.files(dir)) {
      Files.deleteIfExists(p);
    }
  }

  private static void save(String name, byte[] mutant, CharSequence what, Throwable failure) {
    try {
      Path findings = Path.of(System.getProperty("basedir", ".")).resolve("target/fuzz-findings");
      Files.createDirectories(findings);
      Files.write(findings.resolve(name + ".edxml"), mutant);
      StringWriter trace = new StringWriter();
      trace.write(what + "\n");
      failure.printStackTrace(new PrintWriter(trace));
      Files.writeString(findings.resolve(name + ".txt"), trace.toString());
    } catch (IOException e) {
      // the failure is still reported by the test
    }
  }
}
