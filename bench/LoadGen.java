import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load generator for the benchmark harness (run with the JDK's source launcher,
 * no dependencies): N connections, each a thread with its own HTTP/1.1 client sending one request
 * after the other for a fixed time. Prints one line per measured run:
 *
 * <pre>run=1 connections=8 count=1234 errors=0 seconds=2.00 rps=617.0 p50=1.21 p90=2.30 p99=5.10
 * max=9.80</pre>
 *
 * <p>Latencies are milliseconds from sending the request to having read the whole body.
 *
 * <pre>java bench/LoadGen.java URL [--method GET] [--header 'Name: value']... [--body-file F]
 *     [--connections 1] [--duration 5] [--warmup 1] [--runs 5] [--expect 200]
 *     [--max-requests 1000000] [--cpu NAME=PID]...</pre>
 *
 * <p>With {@code --cpu liberty=1234} each line also says how many milliseconds of CPU that process
 * and the load generator itself spent per request during the run ({@code cpu_liberty=4.1
 * cpu_loadgen=0.6}): at saturation the cores divided by their sum bound the throughput.
 */
public class LoadGen {
  record Options(
      URI url,
      String method,
      List<String[]> headers,
      byte[] body,
      int connections,
      double duration,
      double warmup,
      int runs,
      int expect,
      long maxRequests,
      Cpu cpu) {}

  record Result(
      long count, long errors, double seconds, long[] nanos, String firstError, String cpu) {}

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    if (o.warmup() > 0) {
      Result w = run(o, o.warmup());
      if (w.count() > 0 && w.errors() == w.count()) {
        System.err.println("LoadGen: every warm-up request failed: " + w.firstError());
        System.exit(1);
      }
    }
    for (int i = 1; i <= o.runs(); i++) {
      Result r = run(o, o.duration());
      System.out.println(line(i, o.connections(), r));
      if (r.firstError() != null) {
        System.err.println("LoadGen: run " + i + ": " + r.errors() + " errors, first: " + r.firstError());
      }
    }
  }

  static Result run(Options o, double seconds) throws InterruptedException {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong budget = new AtomicLong(o.maxRequests());
    List<long[]> perThread = new ArrayList<>();
    long[] counts = new long[o.connections()];
    long[] errors = new long[o.connections()];
    String[] firstError = new String[o.connections()];
    Thread[] threads = new Thread[o.connections()];
    long[] cpuBefore = o.cpu().snapshot();
    long start = System.nanoTime();
    for (int t = 0; t < threads.length; t++) {
      int id = t;
      long[][] holder = {new long[1024]};
      perThread.add(null);
      threads[t] =
          new Thread(
              () -> {
                HttpClient client =
                    HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                HttpRequest request = request(o);
                int n = 0;
                while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<byte[]> response =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != o.expect() && errors[id]++ == 0) {
                      firstError[id] =
                          "status "
                              + response.statusCode()
                              + ": "
                              + new String(response.body()).lines().findFirst().orElse("");
                    }
                  } catch (IOException e) {
                    if (errors[id]++ == 0) {
                      firstError[id] = e.toString();
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                  }
                  if (n == holder[0].length) {
                    holder[0] = Arrays.copyOf(holder[0], n * 2);
                  }
                  holder[0][n++] = System.nanoTime() - t0;
                }
                counts[id] = n;
                synchronized (perThread) {
                  perThread.set(id, Arrays.copyOf(holder[0], n));
                }
              },
              "loadgen-" + t);
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long total = Arrays.stream(counts).sum();
    String cpu = o.cpu().perRequest(cpuBefore, o.cpu().snapshot(), total, "loadgen");
    long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    String first = Arrays.stream(firstError).filter(e -> e != null).findFirst().orElse(null);
    return new Result(total, Arrays.stream(errors).sum(), elapsed, all, first, cpu);
  }

  static HttpRequest request(Options o) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(o.url())
            .timeout(Duration.ofSeconds(30))
            .method(
                o.method(),
                o.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(o.body()));
    o.headers().forEach(h -> b.header(h[0], h[1]));
    return b.build();
  }

  static String line(int run, int connections, Result r) {
    return String.format(
        java.util.Locale.ROOT,
        "run=%d connections=%d count=%d errors=%d seconds=%.2f rps=%.1f p50=%.3f p90=%.3f"
            + " p99=%.3f max=%.3f%s",
        run,
        connections,
        r.count(),
        r.errors(),
        r.seconds(),
        r.count() / r.seconds(),
        percentile(r.nanos(), 50),
        percentile(r.nanos(), 90),
        percentile(r.nanos(), 99),
        percentile(r.nanos(), 100),
        r.cpu());
  }

  /**
   * CPU time that processes spent during a run, per request: named processes from /proc (Linux,
   * clock ticks of 10 ms, so runs of seconds are needed), and this JVM itself. Prints nothing
   * when no process is named. Also used by bench/Dynamo.java for the raw store side.
   */
  record Cpu(List<String> names, List<Long> pids) {
    static Cpu of(List<String> specs) {
      List<String> names = new ArrayList<>();
      List<Long> pids = new ArrayList<>();
      for (String spec : specs) {
        int eq = spec.indexOf('=');
        names.add(spec.substring(0, eq));
        pids.add(Long.parseLong(spec.substring(eq + 1)));
      }
      return new Cpu(names, pids);
    }

    /** Milliseconds of CPU so far: each named process, then this JVM. */
    long[] snapshot() {
      long[] ms = new long[pids.size() + 1];
      for (int i = 0; i < pids.size(); i++) {
        ms[i] = processMillis(pids.get(i));
      }
      ms[pids.size()] =
          ((com.sun.management.OperatingSystemMXBean)
                      java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                  .getProcessCpuTime()
              / 1_000_000;
      return ms;
    }

    /** ' cpu_NAME=ms' per request for each process and for this JVM (as SELF), or "". */
    String perRequest(long[] before, long[] after, long requests, String self) {
      if (pids.isEmpty() || requests == 0) {
        return "";
      }
      StringBuilder line = new StringBuilder();
      for (int i = 0; i <= pids.size(); i++) {
        String name = i < pids.size() ? names.get(i) : self;
        double perRequest = (after[i] - before[i]) / (double) requests;
        line.append(String.format(java.util.Locale.ROOT, " cpu_%s=%.3f", name, perRequest));
      }
      return line.toString();
    }

    private static long processMillis(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime + stime, 100 Hz
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
  }

  /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  static Options parse(String[] args) throws IOException {
    URI url = null;
    String method = "GET";
    List<String[]> headers = new ArrayList<>();
    byte[] body = null;
    int connections = 1;
    int runs = 5;
    int expect = 200;
    double duration = 5;
    double warmup = 1;
    long maxRequests = 1_000_000;
    List<String> cpu = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--method" -> method = args[++i];
        case "--header" -> {
          String h = args[++i];
          int colon = h.indexOf(':');
          headers.add(new String[] {h.substring(0, colon).strip(), h.substring(colon + 1).strip()});
        }
        case "--body-file" -> body = Files.readAllBytes(Path.of(args[++i]));
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--duration" -> duration = Double.parseDouble(args[++i]);
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--expect" -> expect = Integer.parseInt(args[++i]);
        case "--max-requests" -> maxRequests = Long.parseLong(args[++i]);
        case "--cpu" -> cpu.add(args[++i]);
        default -> {
          if (a.startsWith("--") || url != null) {
            usage("unknown argument " + a);
          }
          url = URI.create(a);
        }
      }
    }
    if (url == null) {
      usage("URL missing");
    }
    if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
      usage("only loopback targets are allowed: " + url);
    }
    if (connections < 1 || connections > 256 || duration <= 0 || duration > 120 || runs < 1) {
      usage("connections 1..256, duration 0..120 s, runs >= 1");
    }
    return new Options(
        url,
        method,
        headers,
        body,
        connections,
        duration,
        warmup,
        runs,
        expect,
        maxRequests,
        Cpu.of(cpu));
  }

  static void usage(String problem) {
    System.err.println(
        "LoadGen: "
            + problem
            + "\nusage: java bench/LoadGen.java URL [--method M] [--header 'N: v']..."
            + " [--body-file F] [--connections N] [--duration S] [--warmup S] [--runs R]"
            + " [--expect STATUS] [--max-requests N] [--cpu NAME=PID]...");
    System.exit(2);
  }
}
