import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the server's CPU goes, by layer: reads an async-profiler "collapsed" file (one line per
 * stack, {@code root;...;leaf COUNT}) and prints a Markdown table of layers with their share of
 * the samples and that share of a measured CPU time per request. See bench/README.md.
 *
 * <pre>
 * java bench/Layers.java FILE.collapsed CPU_MS_PER_REQ [--requests N] [--interval 2ms] [--top N] [--deciders N]
 * </pre>
 *
 * CPU_MS_PER_REQ is the process's CPU per request measured elsewhere (from /proc), or "-" when not
 * known. With --requests a last line gives the sampling interval actually obtained (the measured
 * CPU over the samples; itimer cannot sample finer than the kernel's timer tick). --top N adds the N hottest leaf frames (where the CPU is spent),
 * --deciders N the N frames that decided the most samples' layers (to judge the attribution).
 * Java 17, no dependencies.
 */
public final class Layers {

  /**
   * HOW THE HARNESS ATTRIBUTES TIME. Each sample (stack) goes to ONE layer: the stack is walked
   * from the leaf (the frame on CPU) towards the root, and the first frame that matches any row
   * below decides; within one frame, the first matching row (top to bottom) wins. So time spent in
   * the JDK or in a library called BY a layer counts for that layer (a HashMap.get called by
   * RESTEasy is RESTEasy's), and a layer called by another counts for itself, not its caller (the
   * AWS SDK called by the application is the SDK's). Patterns are Java regular expressions found
   * anywhere in a frame name ("a/b/C.method" for Java frames, C/C++ names for native frames).
   * Rows with "native only" true match only native frames (no '/' in the name): JVM internals
   * such as "C1" or "G1" would otherwise match unrelated Java class names. The card-table write
   * barrier (CardTableBarrierSet) is run by application threads and so is left to their layer;
   * the collector's own card scanning (CardTableRS) is the collector's. Stacks that match nothing go
   * to {@link #OTHER}: JDK thread pools, VM stubs, native code with no layer above it.
   */
  private static final Object[][] LAYERS = {
    // layer                                    native only  patterns
    {"AWS SDK: signing",                        false, "software/amazon/awssdk/http/auth", "software/amazon/awssdk/.*Signer"},
    {"AWS SDK: HTTP client",                    false, "org/apache/hc", "software/amazon/awssdk/http/apache5"},
    {"AWS SDK: marshalling",                    false, "software/amazon/awssdk/protocols", "software/amazon/awssdk/.*Marshall"},
    {"AWS SDK: other",                          false, "software/amazon/awssdk"},
    {"application: FAQ retrieval (Lucene)",     false, "jp/uketsuke/faq", "org/apache/lucene"},
    {"application: other",                      false, "jp/uketsuke"},
    {"JWT / security",                          false, "com/ibm/ws/security", "org/jose4j", "webcontainer/security", "io/openliberty/security"},
    {"JSON-B / JSON-P",                         false, "org/eclipse/yasson", "org/eclipse/parsson", "org/glassfish/json"},
    {"MicroProfile Metrics",                    false, "metrics", "io/openliberty/http/monitor", "io/micrometer"},
    {"Fault Tolerance",                         false, "faulttolerance"},
    {"Rest Client / model call",                false, "org/jboss/resteasy/client", "microprofile/rest/client", "java/net/http"},
    {"logging",                                 false, "com/ibm/ws/logging", "com/ibm/ws/http/logging", "java/util/logging"},
    {"JAX-RS (RESTEasy)",                       false, "org/jboss/resteasy"},
    {"CDI (Weld)",                              false, "org/jboss/weld"},
    {"Liberty HTTP and web container",          false, "com/ibm/ws", "com/ibm/wsspi", "com/ibm/io", "io/openliberty"},
    {"JIT compiler",                            true,  "CompileBroker", "Compilation::", "C2Compiler", "C1"},
    {"garbage collector",                       true,  "GenCollect", "DefNew", "MarkSweep", "GCTask", "SerialHeap", "CardTable(?!BarrierSet)", "G1"},
  };

  static final String OTHER = "other (JDK, native, idle threads)";

  private record Layer(String name, boolean nativeOnly, Pattern pattern) {}

  private static final List<Layer> COMPILED = new ArrayList<>();

  static {
    for (Object[] row : LAYERS) {
      List<String> alternatives = new ArrayList<>();
      for (int i = 2; i < row.length; i++) alternatives.add("(?:" + row[i] + ")");
      COMPILED.add(new Layer((String) row[0], (Boolean) row[1],
          Pattern.compile(String.join("|", alternatives))));
    }
  }

  private final Map<String, Layer> frameCache = new HashMap<>();
  private static final Layer NONE = new Layer("", false, null);

  /** The layer of one frame, or null. */
  Layer layerOf(String frame) {
    Layer cached = frameCache.get(frame);
    if (cached == null) {
      cached = NONE;
      boolean isNative = frame.indexOf('/') < 0;
      for (Layer layer : COMPILED) {
        if (layer.nativeOnly() && !isNative) continue;
        if (layer.pattern().matcher(frame).find()) {
          cached = layer;
          break;
        }
      }
      frameCache.put(frame, cached);
    }
    return cached == NONE ? null : cached;
  }

  /** The index of the frame that decides the layer of a stack (root first), or -1 for OTHER. */
  int decidingFrame(String[] frames) {
    for (int i = frames.length - 1; i >= 0; i--) {
      if (layerOf(frames[i]) != null) return i;
    }
    return -1;
  }

  public static void main(String[] args) throws IOException {
    String file = null;
    String cpu = null;
    long requests = 0;
    double intervalMs = 2;
    int top = 0;
    int deciders = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--requests" -> requests = (long) number(value(args, ++i), 0);
        case "--interval" -> intervalMs = millis(value(args, ++i));
        case "--top" -> top = Integer.parseInt(value(args, ++i));
        case "--deciders" -> deciders = Integer.parseInt(value(args, ++i));
        case "-h", "--help" -> usage();
        default -> {
          if (file == null) file = args[i];
          else if (cpu == null) cpu = args[i];
          else usage();
        }
      }
    }
    if (file == null) usage();
    // Not measured ("-", "nan", missing): the ms column shows n/a.
    double cpuValue = cpu == null ? Double.NaN : number(cpu, Double.NaN);
    Double cpuPerRequest = Double.isNaN(cpuValue) ? null : cpuValue;

    Layers layers = new Layers();
    Map<String, Long> byLayer = new HashMap<>();
    Map<String, Long> byLeaf = new HashMap<>();
    Map<String, Long> byDecider = new HashMap<>();
    long total = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        int space = line.lastIndexOf(' ');
        if (space <= 0) continue;
        long count;
        try {
          count = Long.parseLong(line.substring(space + 1).trim());
        } catch (NumberFormatException e) {
          continue;
        }
        String[] frames = line.substring(0, space).split(";");
        int decider = layers.decidingFrame(frames);
        String layer = decider < 0 ? OTHER : layers.layerOf(frames[decider]).name();
        byLayer.merge(layer, count, Long::sum);
        byLeaf.merge(frames[frames.length - 1], count, Long::sum);
        byDecider.merge(
            (decider < 0 ? "(none)" : frames[decider]) + "\t" + layer, count, Long::sum);
        total += count;
      }
    }
    if (total == 0) {
      System.out.println("_No samples in " + file + "._");
      return;
    }

    List<Map.Entry<String, Long>> rows = new ArrayList<>(byLayer.entrySet());
    rows.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    System.out.println("| layer | share of samples | ms CPU per request |");
    System.out.println("|---|---:|---:|");
    for (Map.Entry<String, Long> row : rows) {
      double share = (double) row.getValue() / total;
      System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", row.getKey(), percent(share),
          cpuPerRequest == null ? "n/a" : String.format(Locale.ROOT, "%.2f", share * cpuPerRequest));
    }
    System.out.printf(Locale.ROOT, "| **total** | 100 %% (%,d samples) | %s |%n", total,
        cpuPerRequest == null ? "n/a" : String.format(Locale.ROOT, "%.2f", cpuPerRequest));
    if (requests > 0) {
      System.out.println();
      if (cpuPerRequest == null) {
        System.out.printf(Locale.ROOT, "%,d samples over %,d requests (one asked for every %s ms of CPU).%n",
            total, requests, trim(intervalMs));
      } else {
        // itimer fires on the kernel's timer tick: with a 250 Hz kernel a 2 ms interval becomes
        // 4 ms. The shares do not depend on it; the interval actually obtained is shown instead.
        double effective = cpuPerRequest * requests / total;
        System.out.printf(Locale.ROOT,
            "%,d samples over %,d requests at %.2f ms CPU each (measured from /proc): one sample per"
                + " %.1f ms of CPU (%s ms asked; itimer is bound to the kernel's timer tick).%n",
            total, requests, cpuPerRequest, effective, trim(intervalMs));
      }
    }

    if (top > 0) {
      System.out.println();
      System.out.println("| hottest leaf frames (on CPU) | share of samples | samples |");
      System.out.println("|---|---:|---:|");
      for (Map.Entry<String, Long> leaf : hottest(byLeaf, top)) {
        System.out.printf(Locale.ROOT, "| %s | %s | %,d |%n", code(leaf.getKey()),
            percent((double) leaf.getValue() / total), leaf.getValue());
      }
    }
    if (deciders > 0) {
      System.out.println();
      System.out.println("| frames that decided the layer | layer | share of samples | samples |");
      System.out.println("|---|---|---:|---:|");
      for (Map.Entry<String, Long> d : hottest(byDecider, deciders)) {
        String[] frameAndLayer = d.getKey().split("\t", 2);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %,d |%n", code(frameAndLayer[0]),
            frameAndLayer[1], percent((double) d.getValue() / total), d.getValue());
      }
    }
  }

  private static List<Map.Entry<String, Long>> hottest(Map<String, Long> counts, int n) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    return entries.subList(0, Math.min(n, entries.size()));
  }

  private static String code(String frame) {
    return "`" + frame.replace("`", "'").replace("|", "\\|") + "`";
  }

  private static String percent(double share) {
    return share < 0.0005 ? "< 0.1 %" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  /** A number, or the fallback when the argument is none (e.g. "nan" or "-" from the harness). */
  private static double number(String s, double fallback) {
    try {
      double v = Double.parseDouble(s);
      return Double.isFinite(v) ? v : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** An async-profiler interval ("2ms", "500us", "1000000" in ns as the profiler reads it) in ms. */
  private static double millis(String s) {
    if (s.endsWith("ms")) return number(s.substring(0, s.length() - 2), 2);
    if (s.endsWith("us")) return number(s.substring(0, s.length() - 2), 2000) / 1e3;
    if (s.endsWith("ns")) return number(s.substring(0, s.length() - 2), 2e6) / 1e6;
    if (s.endsWith("s")) return number(s.substring(0, s.length() - 1), 0.002) * 1e3;
    return number(s, 2e6) / 1e6;
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) usage();
    return args[i];
  }

  private static void usage() {
    System.err.println("usage: java bench/Layers.java FILE.collapsed CPU_MS_PER_REQ|- "
        + "[--requests N] [--interval 2ms] [--top N] [--deciders N]");
    System.exit(2);
  }
}
