package io.lensbench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A named table of the report, written as tables/&lt;name&gt;.csv (commons-csv, RFC 4180, header
 * row) and tables/&lt;name&gt;.json ({"name","title","columns":[...],"rows":[{column: value}]}).
 * Cells are String, Number (NaN written as empty CSV / JSON null) or null. Text cells in the CSV
 * are neutralised against formula injection ({@link #neutralised}); the JSON keeps them as they are.
 */
public final class ReportTable {
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private final String name;
  private final String title;
  private final List<String> columns;
  private final List<List<Object>> rows = new ArrayList<>();

  public ReportTable(String name, String title, List<String> columns) {
    this.name = name;
    this.title = title;
    this.columns = List.copyOf(columns);
  }

  public ReportTable add(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException("table " + name + ": expected " + columns.size() + " cells, found " + cells.length);
    }
    List<Object> row = new ArrayList<>(cells.length);
    for (Object c : cells) {
      row.add(c);
    }
    rows.add(row);
    return this;
  }

  public String name() {
    return name;
  }

  public String title() {
    return title;
  }

  public List<String> columns() {
    return columns;
  }

  public List<List<Object>> rows() {
    return rows;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  private static boolean isMissing(Object v) {
    return v == null || (v instanceof Double d && d.isNaN()) || (v instanceof Float f && f.isNaN());
  }

  /**
   * A text cell a spreadsheet will not run as a formula: one starting with {@code = + - @}, a tab
   * or a carriage return gets a leading {@code '} (OWASP's advice against CSV injection), unless
   * it is a plain number such as {@code -0.05}.
   */
  static String neutralised(String text) {
    if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
      return text;
    }
    return "'" + text;
  }

  public void writeCsv(Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).build())) {
      for (List<Object> row : rows) {
        List<Object> out = new ArrayList<>(row.size());
        for (Object v : row) {
          out.add(isMissing(v) ? "" : v instanceof String text ? neutralised(text) : v);
        }
        p.printRecord(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public void writeJson(Path file, ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    root.put("name", name);
    root.put("title", title);
    ArrayNode cols = root.putArray("columns");
    columns.forEach(cols::add);
    ArrayNode out = root.putArray("rows");
    for (List<Object> row : rows) {
      ObjectNode o = out.addObject();
      for (int i = 0; i < columns.size(); i++) {
        Object v = row.get(i);
        String k = columns.get(i);
        if (isMissing(v)) {
          o.putNull(k);
        } else if (v instanceof Integer n) {
          o.put(k, n);
        } else if (v instanceof Long n) {
          o.put(k, n);
        } else if (v instanceof Number n) {
          o.put(k, n.doubleValue());
        } else if (v instanceof Boolean bo) {
          o.put(k, bo);
        } else {
          o.put(k, v.toString());
        }
      }
    }
    try {
      json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
