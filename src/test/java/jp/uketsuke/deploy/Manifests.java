package jp.uketsuke.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes objects of an overlay exactly as {@code kubectl kustomize} renders them, so the
 * tests judge what would be applied, not the fragments it is made of.
 */
final class Manifests {
  static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

  private final List<Map<String, Object>> objects;
  final String warnings;

  private Manifests(List<Map<String, Object>> objects, String warnings) {
    this.objects = objects;
    this.warnings = warnings;
  }

  static Manifests render(String overlay) {
    ProcessBuilder builder =
        new ProcessBuilder("kubectl", "kustomize", overlay).directory(PROJECT.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError(
          "kubectl is needed to render the manifests (it carries kustomize): " + e.getMessage(), e);
    }
    try {
      CompletableFuture<String> out = read(process.getInputStream());
      CompletableFuture<String> err = read(process.getErrorStream());
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("kubectl kustomize %s did not finish in 2 minutes", overlay);
      }
      assertThat(process.exitValue())
          .as("kubectl kustomize %s failed:%n%s", overlay, err.get())
          .isZero();
      return new Manifests(parse(out.get()), err.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError(e.getCause());
    }
  }

  private static CompletableFuture<String> read(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parse(String yaml) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
      if (document != null) {
        documents.add((Map<String, Object>) document);
      }
    }
    return documents;
  }

  List<Map<String, Object>> all() {
    return objects;
  }

  List<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  Map<String, Object> one(String kind, String name) {
    return ofKind(kind).stream()
        .filter(o -> name.equals(at(o, "metadata", "name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " is rendered"));
  }

  /** The pod templates of every workload kind that makes pods. */
  List<Map<String, Object>> podSpecs() {
    List<Map<String, Object>> specs = new ArrayList<>();
    for (Map<String, Object> o : objects) {
      switch (String.valueOf(o.get("kind"))) {
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
            specs.add(map(at(o, "spec", "template", "spec")));
        case "CronJob" -> specs.add(map(at(o, "spec", "jobTemplate", "spec", "template", "spec")));
        case "Pod" -> specs.add(map(o.get("spec")));
        default -> {}
      }
    }
    return specs;
  }

  static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
    List<Map<String, Object>> all = new ArrayList<>(list(podSpec.get("containers")));
    all.addAll(list(podSpec.get("initContainers")));
    return all;
  }

  /** The value at a path of map keys, or null where the path ends early. */
  static Object at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node == null ? Map.of() : (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> values(Object node) {
    return node == null ? List.of() : (List<Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object node) {
    return node == null ? List.of() : (List<Map<String, Object>>) node;
  }
}
