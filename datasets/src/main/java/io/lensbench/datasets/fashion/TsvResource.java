package io.lensbench.datasets.fashion;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated vocabulary shipped on the class path: comment lines ({@code #}) and the header
 * (first column {@code field}) are skipped, every other line has exactly {@code columns}
 * non-empty-at-the-end columns.
 */
record TsvResource(List<String[]> rows, String sha256) {

  static TsvResource load(String resource, int columns) {
    try (InputStream in = TsvResource.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the class path: " + resource);
      }
      byte[] bytes = in.readAllBytes();
      List<String[]> rows = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(
          new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
          n++;
          if (line.isBlank() || line.startsWith("#") || line.startsWith("field\t")) {
            continue;
          }
          String[] f = line.split("\t", -1);
          if (f.length != columns || f[columns - 1].isBlank()) {
            throw new IllegalStateException(resource + " line " + n + ": expected " + columns
                + " tab-separated non-empty columns, found '" + line + "'");
          }
          rows.add(f);
        }
      }
      return new TsvResource(rows, io.lensbench.core.Hashing.sha256Hex(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
