package io.facecheck.deploymentchecks.support;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series a PromQL expression names. Not a parser: label matchers, ranges, grouping clauses,
 * strings and dashboard variables are cut out, then every identifier that is not a function call or
 * a keyword is a series name. Enough for the expressions this repository writes, and tested.
 */
public final class PromQl {

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "offset",
          "bool",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan",
          "atan2");

  private PromQl() {}

  public static Set<String> seriesNames(String expression) {
    String rest = STRING.matcher(expression).replaceAll(" ");
    rest = MATCHERS.matcher(rest).replaceAll(" ");
    rest = RANGE.matcher(rest).replaceAll(" ");
    rest = GROUPING.matcher(rest).replaceAll(" ");
    rest = VARIABLE.matcher(rest).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(rest);
    while (identifier.find()) {
      String name = identifier.group(1);
      if (!KEYWORDS.contains(name.toLowerCase())) {
        names.add(name);
      }
    }
    return names;
  }
}
