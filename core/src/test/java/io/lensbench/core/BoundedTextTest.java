package io.lensbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-line reading: one bad line costs that line when problems are collected, the read when not. */
class BoundedTextTest {
  @TempDir Path tmp;

  private Path file(byte[]... lines) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] l : lines) {
      b.write(l);
      b.write('\n');
    }
    return Files.write(tmp.resolve("f.txt"), b.toByteArray());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aLineThatIsNotUtf8OrTooLongIsOneProblemAndTheOthersAreRead() throws Exception {
    Path f = file(utf8("first"), new byte[] {'a', (byte) 0xC3, 'b'}, utf8("x".repeat(50)), utf8("가 last\r"));
    List<String> read = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    BoundedText.eachLine(f, 20, (line, n) -> read.add(n + ":" + line),
        (n, problem) -> problems.add(n + ":" + problem));
    assertEquals(List.of("1:first", "4:가 last"), read);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("2:expected UTF-8 text"), problems.toString());
    assertTrue(problems.get(1).startsWith("3:expected a line of at most 20 bytes"), problems.toString());
  }

  @Test
  void withoutACollectorTheFirstBadLineFailsTheReadNamingFileAndLine() throws Exception {
    Path f = file(utf8("ok"), new byte[] {(byte) 0xFF});
    BadInputException e = assertThrows(BadInputException.class,
        () -> BoundedText.eachLine(f, 100, (line, n) -> { }));
    assertEquals(f + " line 2: expected UTF-8 text, found bytes that are not UTF-8", e.getMessage());
  }
}
