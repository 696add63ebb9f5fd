package io.facecheck.ops.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A left-aligned table with a header row; the last column is not padded (it holds free text such as
 * an error message). Empty cells show as {@code -}, so columns stay countable for awk.
 */
public final class TextTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String... header) {
    this.header = List.of(header);
  }

  public TextTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "expected " + header.size() + " cells, got " + cells.length);
    }
    rows.add(Arrays.stream(cells).map(TextTable::cell).toList());
    return this;
  }

  public List<String> lines() {
    int[] widths = new int[header.size()];
    for (List<String> row : allRows()) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : allRows()) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - width(cell) + 2));
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  private List<List<String>> allRows() {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static String cell(String text) {
    if (text == null || text.isEmpty()) {
      return "-";
    }
    // one record, one line: line breaks inside a message would break the table
    return text.replaceAll("[\\r\\n\\t]+", " ");
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
