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
 *     [--max-requests 1000000]</pre>
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
      long maxRequests) {}

  record Result(long count, long errors, double seconds, long[] nanos, String firstError) {}

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
    long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    String first = Arrays.stream(firstError).filter(e -> e != null).findFirst().orElse(null);
    return new Result(
        Arrays.stream(counts).sum(), Arrays.stream(errors).sum(), elapsed, all, first);
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
            + " p99=%.3f max=%.3f",
        run,
        connections,
        r.count(),
        r.errors(),
        r.seconds(),
        r.count() / r.seconds(),
        percentile(r.nanos(), 50),
        percentile(r.nanos(), 90),
        percentile(r.nanos(), 99),
        percentile(r.nanos(), 100));
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
        url, method, headers, body, connections, duration, warmup, runs, expect, maxRequests);
  }

  static void usage(String problem) {
    System.err.println(
        "LoadGen: "
            + problem
            + "\nusage: java bench/LoadGen.java URL [--method M] [--header 'N: v']..."
            + " [--body-file F] [--connections N] [--duration S] [--warmup S] [--runs R]"
            + " [--expect STATUS] [--max-requests N]");
    System.exit(2);
  }
}
