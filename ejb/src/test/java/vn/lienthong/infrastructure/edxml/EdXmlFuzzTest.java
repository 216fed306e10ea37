package vn.lienthong.infrastructure.edxml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Jazzer target of the edXML reader. In the normal run it replays its seeds ({@code
 * EdXmlFuzzTestInputs}: the hand-written samples and packages of the writer) as plain JUnit tests;
 * with {@code JAZZER_FUZZ=1} (the {@code fuzz} profile of this module) Jazzer mutates them with
 * coverage feedback, an input that takes more than 10 s being a finding too. The property is {@link
 * EdXmlProperties#readOrRefuse}. A finding leaves its input in {@code target/crash-*} or {@code
 * target/timeout-*}; it then becomes a named case in the reader's tests. (No JUnit {@code @Timeout}
 * here: while fuzzing it would bound the whole run, not one input.)
 */
class EdXmlFuzzTest {
  private static Path dir;

  @BeforeAll
  static void directory() throws IOException {
    dir = Files.createTempDirectory("edxml-fuzz");
  }

  @AfterAll
  static void removeDirectory() throws IOException {
    Files.deleteIfExists(dir);
  }

  @FuzzTest(maxDuration = "5m")
  void read(byte[] input) throws IOException {
    EdXmlProperties.readOrRefuse(input, dir);
  }
}
