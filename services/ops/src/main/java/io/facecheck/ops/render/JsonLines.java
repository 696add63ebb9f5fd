package io.facecheck.ops.render;

import java.io.PrintWriter;
import tools.jackson.databind.json.JsonMapper;

/** One JSON object per line, for jq and scripts. */
public final class JsonLines {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonLines() {}

  public static void write(PrintWriter out, Object value) {
    out.println(JSON.writeValueAsString(value));
  }
}
