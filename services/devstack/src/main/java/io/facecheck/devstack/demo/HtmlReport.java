package io.facecheck.devstack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code demo --report FILE.html}: one self-contained page (report.html beside this class) with the
 * summary and four plots drawn by its inline script from the run's figures, embedded as JSON.
 * Nothing on the page is fetched, so it opens the same offline, attached to a mail or in CI.
 */
public final class HtmlReport {

  private static final String TEMPLATE = "report.html";
  private static final String PLACEHOLDER = "/*DATA*/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HtmlReport() {}

  public static void write(Path file, DemoReport report, RunSeries series) throws IOException {
    Files.writeString(file, render(report, series), StandardCharsets.UTF_8);
  }

  public static String render(DemoReport report, RunSeries series) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("summary", summary(report));
    // in this order on the page: legend and colours follow it
    Map<String, Object> throughput = new LinkedHashMap<>();
    throughput.put("certifyUrls", series.certifyUrlsPerSecond());
    throughput.put("finals", series.finalsPerSecond());
    data.put("throughput", throughput);
    data.put("toCertifyUrl", series.toCertifyUrl());
    data.put("toFinal", series.toFinal());
    data.put("outcomes", series.outcomes());
    // inside <script>, "</" would end the element: JSON allows "<\/" for it
    String json = JSON.writeValueAsString(data).replace("</", "<\\/");
    return template().replace(PLACEHOLDER, json);
  }

  private static Map<String, Object> summary(DemoReport report) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("requested", report.requested());
    summary.put("certifyUrls", report.certifyUrls());
    summary.put("certifyUrlsPerSecond", report.certifyUrlsPerSecond());
    summary.put("finalsPerSecond", report.finalsPerSecond());
    summary.put("toCertifyUrl", report.toCertifyUrl());
    summary.put("toFinal", report.toFinal());
    return summary;
  }

  private static String template() {
    try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the devstack jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
