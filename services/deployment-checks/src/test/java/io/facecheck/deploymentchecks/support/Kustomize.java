package io.facecheck.deploymentchecks.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Renders a Kustomize directory with {@code kubectl kustomize}, the command the k8s README tells
 * users to run: the real Kustomize (v4 or newer) built into kubectl, not an imitation. Each
 * directory is rendered once per test JVM.
 */
public final class Kustomize {

  /** The overlays users deploy; each must render and pass every check. */
  public static final List<String> OVERLAYS = List.of("k8s/overlays/dev", "k8s/overlays/prod");

  private static final Pattern KUSTOMIZE_MAJOR = Pattern.compile("Kustomize Version: v(\\d+)\\.");
  private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

  private Kustomize() {}

  /** Skips (outside CI) or fails (in CI) unless kubectl with Kustomize v4+ is on the PATH. */
  public static void requireKubectl() {
    RequiredTool.require(
        kustomizeMajor() >= 4,
        "kubectl with Kustomize v4 or newer is not on the PATH",
        "install kubectl (Debian: apt-get install kubectl, as .ci/run does)");
  }

  public static List<JsonNode> render(String directory) {
    requireKubectl();
    return RENDERED.computeIfAbsent(directory, Kustomize::renderNow);
  }

  /** The objects of {@code kind} in {@code objects}. */
  public static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asString())).toList();
  }

  public static JsonNode named(List<JsonNode> objects, String kind, String name) {
    return ofKind(objects, kind).stream()
        .filter(o -> name.equals(o.path("metadata").path("name").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
  }

  private static List<JsonNode> renderNow(String directory) {
    Processes.Result result =
        Processes.run(List.of("kubectl", "kustomize", directory), RepositoryRoot.resolve("."), "");
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "kubectl kustomize "
              + directory
              + " failed ("
              + result.exitCode()
              + "): "
              + result.stderr());
    }
    return Yaml.all(result.stdout());
  }

  private static int kustomizeMajor() {
    try {
      Processes.Result version =
          Processes.run(List.of("kubectl", "version", "--client"), RepositoryRoot.resolve("."), "");
      Matcher matcher = KUSTOMIZE_MAJOR.matcher(version.stdout());
      return version.exitCode() == 0 && matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    } catch (IllegalStateException e) {
      return 0;
    }
  }
}
