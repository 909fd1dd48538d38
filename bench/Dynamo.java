import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The benchmark's direct DynamoDB side, with the service's own client library (AWS SDK v2 and
 * apache5-client, configured as platform.DynamoClients does). Run compiled (bench/run does it) with the
 * project's runtime classpath:
 *
 * <pre>
 * java -cp "$WORK/classes:$(cat target/bench/classpath.txt)" Dynamo getitem --endpoint URL
 *     --table app-faq --key client_id=T --key question=Q [--connections 1] [--duration 5]
 *     [--warmup 1] [--runs 5]
 * java -cp ... Dynamo seed-turns --endpoint URL --tenant T --turns N [--phones 100]
 * java -cp ... Dynamo seed-gaps --endpoint URL --tenant T --turns N --questions FILE...
 *     [--days 30] [--phones 500] [--distinct false]
 * java -cp ... Dynamo chat-calls --endpoint URL --tenant T --phone P [--history 20]
 *     [--connections 1] [--duration 5] [--warmup 1] [--runs 5] [--cpu NAME=PID]...
 * </pre>
 *
 * Compiled by bench/run after LoadGen.java, whose CPU accounting it shares ({@code LoadGen.Cpu}).
 *
 * {@code getitem} and {@code chat-calls} print the same lines as LoadGen.java; {@code seed-turns} writes call-log items
 * into app-logs with BatchWriteItem, as another writer would (the service derives its phone directory from them);
 * {@code put-turn} writes one utterance now, as the voice server does, and prints its ts.
 */
public class Dynamo {
  public static void main(String[] args) throws Exception {
    Map<String, List<String>> o = options(args);
    try (DynamoDbClient client = client(one(o, "endpoint", null), 64)) {
      switch (args.length == 0 ? "" : args[0]) {
        case "getitem" -> getItemLoop(client, o);
        case "seed-turns" -> seedTurns(client, o);
        case "chat-calls" -> chatCallsLoop(client, o);
        case "put-turn" -> putTurn(client, o);
        case "seed-gaps" -> seedGaps(client, o);
        default -> {
          System.err.println(
              "usage: Dynamo.java getitem|seed-turns|chat-calls|put-turn --endpoint URL ...");
          System.exit(2);
        }
      }
    }
  }

  static DynamoDbClient client(String endpoint, int maxConnections) {
    URI uri = URI.create(endpoint);
    if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
      throw new IllegalArgumentException("only a loopback endpoint is allowed: " + endpoint);
    }
    Duration timeout = Duration.ofSeconds(3);
    return DynamoDbClient.builder()
        .endpointOverride(uri)
        .region(Region.AP_NORTHEAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(
            Apache5HttpClient.builder()
                .maxConnections(maxConnections)
                .connectionTimeout(Duration.ofSeconds(1))
                .socketTimeout(timeout))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallTimeout(timeout.multipliedBy(2))
                .apiCallAttemptTimeout(timeout)
                .build())
        .build();
  }

  /** The same GetItem the service's FaqStore.find makes, in a closed loop per thread. */
  static void getItemLoop(DynamoDbClient client, Map<String, List<String>> o) throws Exception {
    String table = one(o, "table", null);
    Map<String, AttributeValue> key = new HashMap<>();
    for (String kv : o.getOrDefault("key", List.of())) {
      int eq = kv.indexOf('=');
      key.put(kv.substring(0, eq), AttributeValue.fromS(kv.substring(eq + 1)));
    }
    int connections = Integer.parseInt(one(o, "connections", "1"));
    double duration = Double.parseDouble(one(o, "duration", "5"));
    double warmup = Double.parseDouble(one(o, "warmup", "1"));
    int runs = Integer.parseInt(one(o, "runs", "5"));
    Runnable call =
        () -> {
          Map<String, AttributeValue> item =
              client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
          if (item == null || item.isEmpty()) {
            throw new IllegalStateException("no item at " + key);
          }
        };
    if (warmup > 0) {
      loop(call, connections, warmup);
    }
    measuredRuns(call, connections, duration, runs, o);
  }

  /**
   * The store calls of one {@code POST /chat} turn, made one after the other as the service makes
   * them: the BatchGetItem of the three settings and the FAQ version, the history query (the
   * latest turns of the phone, newest first) and the conditional put of a turn (the phone
   * directory learns of it later, from the log). The turns go to a phone of their own, so the
   * history read stays the service's.
   */
  static void chatCallsLoop(DynamoDbClient client, Map<String, List<String>> o) throws Exception {
    String tenant = one(o, "tenant", null);
    String phone = one(o, "phone", null);
    int history = Integer.parseInt(one(o, "history", "20"));
    String prompts = one(o, "prompts-table", "app-prompts");
    String logs = one(o, "logs-table", "app-logs");
    String rawPhone = "0000000000";
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'")
            .withZone(ZoneOffset.UTC);
    java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    Instant start = Instant.now();
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String id : List.of("system", "functions", "ext-tools", "faq-version")) {
      keys.add(Map.of("client_id", s(tenant), "id", s(id)));
    }
    Runnable turn =
        () -> {
          client.batchGetItem(
              b ->
                  b.requestItems(
                      Map.of(
                          prompts,
                          software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                              .keys(keys)
                              .consistentRead(true)
                              .build())));
          client.query(
              b ->
                  b.tableName(logs)
                      .keyConditionExpression("client_id = :t AND begins_with(sk, :p)")
                      .expressionAttributeValues(Map.of(":t", s(tenant), ":p", s(phone + "#")))
                      .scanIndexForward(false)
                      .limit(history));
          // Microsecond timestamps as the service writes them, one microsecond apart: no collisions.
          String ts = format.format(start.plusNanos(1000 * sequence.incrementAndGet()));
          Map<String, AttributeValue> item = new HashMap<>();
          item.put("client_id", s(tenant));
          item.put("sk", s(rawPhone + "#" + ts));
          item.put("phone_number", s(rawPhone));
          item.put("ts", s(ts));
          item.put("user_text", s("明日の営業時間を教えてください"));
          item.put("assistant_text", s("明日は10時から18時まで営業しております。"));
          item.put("mode", s("llm"));
          item.put("tokens_in", AttributeValue.fromN("120"));
          client.putItem(
              b -> b.tableName(logs).item(item).conditionExpression("attribute_not_exists(sk)"));
        };
    int connections = Integer.parseInt(one(o, "connections", "1"));
    double duration = Double.parseDouble(one(o, "duration", "5"));
    double warmup = Double.parseDouble(one(o, "warmup", "1"));
    int runs = Integer.parseInt(one(o, "runs", "5"));
    if (warmup > 0) {
      loop(turn, connections, warmup);
    }
    measuredRuns(turn, connections, duration, runs, o);
  }

  /**
   * Prints one line per run; with {@code --cpu NAME=PID} (as LoadGen's) also the CPU per call of
   * those processes and of this client ({@code cpu_client}).
   */
  static void measuredRuns(
      Runnable call, int connections, double duration, int runs, Map<String, List<String>> o)
      throws Exception {
    LoadGen.Cpu cpu = LoadGen.Cpu.of(o.getOrDefault("cpu", List.of()));
    for (int i = 1; i <= runs; i++) {
      long[] before = cpu.snapshot();
      Run run = loop(call, connections, duration);
      String perCall = cpu.perRequest(before, cpu.snapshot(), run.count(), "client");
      System.out.println(run.line(i, connections) + perCall);
    }
  }

  record Run(long count, long errors, double seconds, long[] nanos) {
    String line(int run, int connections) {
      return String.format(
          Locale.ROOT,
          "run=%d connections=%d count=%d errors=%d seconds=%.2f rps=%.1f p50=%.3f p90=%.3f"
              + " p99=%.3f max=%.3f",
          run,
          connections,
          count,
          errors,
          seconds,
          count / seconds,
          pct(50),
          pct(90),
          pct(99),
          pct(100));
    }

    double pct(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100.0 * nanos.length);
      return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }
  }

  static Run loop(Runnable call, int connections, double seconds) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    List<Future<long[]>> results = new ArrayList<>();
    long[] errors = new long[connections];
    long start = System.nanoTime();
    for (int t = 0; t < connections; t++) {
      int id = t;
      results.add(
          pool.submit(
              () -> {
                long[] nanos = new long[1024];
                int n = 0;
                while (System.nanoTime() < deadline) {
                  long t0 = System.nanoTime();
                  try {
                    call.run();
                  } catch (RuntimeException e) {
                    if (errors[id]++ == 0) {
                      System.err.println("Dynamo: " + e);
                    }
                  }
                  if (n == nanos.length) {
                    nanos = Arrays.copyOf(nanos, n * 2);
                  }
                  nanos[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(nanos, n);
              }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : results) {
      all.add(f.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Run(sorted.length, Arrays.stream(errors).sum(), elapsed, sorted);
  }

  /**
   * N turns of one tenant over P phones, one per minute backwards from now, written straight into
   * app-logs as the voice server writes them: the service learns its phone directory from the log.
   */
  static void seedTurns(DynamoDbClient client, Map<String, List<String>> o) throws Exception {
    String tenant = one(o, "tenant", null);
    int turns = Integer.parseInt(one(o, "turns", null));
    int phones = Math.min(turns, Integer.parseInt(one(o, "phones", "100")));
    String logs = one(o, "logs-table", "app-logs");
    Instant newest = Instant.now().minusSeconds(60);
    long t0 = System.nanoTime();
    List<Map<String, AttributeValue>> items = new ArrayList<>(turns);
    for (int i = 0; i < turns; i++) {
      String phone = String.format(Locale.ROOT, "090%08d", i % phones);
      Map<String, AttributeValue> item =
          utterance(tenant, phone, newest.minusSeconds(60L * i), "CA" + tenant + (i / 4));
      item.put("user_text", s("予約の確認をお願いします。明日の午後三時に伺う予定です。 turn " + i));
      item.put("assistant_text", s("かしこまりました。明日の15時でご予約を承っております。ほかにご用件はございますか。"));
      items.add(item);
    }
    putAll(client, logs, items);
    System.out.printf(
        Locale.ROOT,
        "seeded tenant=%s turns=%d phones=%d seconds=%.1f%n",
        tenant,
        turns,
        phones,
        (System.nanoTime() - t0) / 1e9);
  }

  /**
   * N caller turns, each followed by the assistant's reply (2N items), spread evenly over the last
   * {@code days} (a minute short of it), written straight into app-logs as the voice server writes
   * them: one item per utterance, no mode. What callers say, as on a phone line: a third small talk
   * and confirmations (はい, お願いします, a name, a time), the rest questions from FILE (one per
   * line; a question of the quality set's TSVs is the text before the first tab) chosen with Zipf
   * popularity, a quarter of them with a detail of the call appended (a day, a time), so that the
   * same question comes in many wordings. With {@code --distinct true} every caller turn is worded
   * differently: the question and its turn number (the worst case of GET /faqs/gaps, which ranks
   * each distinct wording once). Deterministic (a fixed seed). Prints the distinct wordings.
   */
  static void seedGaps(DynamoDbClient client, Map<String, List<String>> o) throws Exception {
    String tenant = one(o, "tenant", null);
    int turns = Integer.parseInt(one(o, "turns", null));
    int days = Integer.parseInt(one(o, "days", "30"));
    int phones = Integer.parseInt(one(o, "phones", "500"));
    boolean distinct = Boolean.parseBoolean(one(o, "distinct", "false"));
    List<String> questions = new ArrayList<>();
    for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(one(o, "questions", null)))) {
      String text = line.split("\t", 2)[0].strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        questions.add(text);
      }
    }
    List<String> smallTalk =
        List.of("はい", "はい、お願いします", "もしもし", "そうです", "いいえ、大丈夫です", "ありがとうございます",
            "えーと、ちょっと待ってください", "わかりました", "それでお願いします", "失礼します");
    List<String> details =
        List.of("明日なんですけど", "来週の月曜日なんですが", "今日の午後って", "子供なんですけど", "初めてなんですが",
            "急ぎなんですけど", "土曜日に", "夕方に");
    List<String> names = List.of("山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村");
    java.util.Random random = new java.util.Random(15);
    double[] zipf = new double[questions.size()];
    double sum = 0;
    for (int i = 0; i < zipf.length; i++) {
      sum += 1.0 / (i + 1);
      zipf[i] = sum;
    }
    String logs = one(o, "logs-table", "app-logs");
    long spanMicros = Duration.ofDays(days).minusMinutes(1).toNanos() / 1000;
    Instant newest = Instant.now().minusSeconds(30);
    long t0 = System.nanoTime();
    List<Map<String, AttributeValue>> items = new ArrayList<>(2 * turns);
    java.util.Set<String> wordings = new java.util.HashSet<>();
    for (int i = 0; i < turns; i++) {
      Instant at = newest.minusNanos(1000 * (spanMicros * i / turns));
      String phone = String.format(Locale.ROOT, "090%08d", random.nextInt(phones));
      String said;
      if (distinct) {
        said = questions.get(i % questions.size()) + " " + i;
      } else if (random.nextInt(3) == 0) {
        int pick = random.nextInt(smallTalk.size() + 2);
        said =
            pick < smallTalk.size()
                ? smallTalk.get(pick)
                : pick == smallTalk.size()
                    ? names.get(random.nextInt(names.size())) + "です"
                    : (1 + random.nextInt(12)) + "時でお願いします";
      } else {
        double r = random.nextDouble() * sum;
        int q = 0;
        while (zipf[q] < r) {
          q++;
        }
        said = questions.get(q);
        if (random.nextInt(4) == 0) {
          said = details.get(random.nextInt(details.size())) + "、" + said;
        }
      }
      wordings.add(said);
      String callSid = "CA" + tenant + "-" + phone + "-" + (i / 4);
      Map<String, AttributeValue> caller = utterance(tenant, phone, at, callSid);
      caller.put("user_text", s(said));
      items.add(caller);
      Map<String, AttributeValue> reply = utterance(tenant, phone, at.plusNanos(1000), callSid);
      reply.put("assistant_text", s("かしこまりました。確認いたしますので少々お待ちください。"));
      items.add(reply);
    }
    putAll(client, logs, items);
    System.out.printf(
        Locale.ROOT,
        "seeded tenant=%s turns=%d items=%d wordings=%d seconds=%.1f%n",
        tenant,
        turns,
        items.size(),
        wordings.size(),
        (System.nanoTime() - t0) / 1e9);
  }

  /** One caller utterance now, as the voice server's PutItem writes it; prints its ts. */
  static void putTurn(DynamoDbClient client, Map<String, List<String>> o) {
    Map<String, AttributeValue> item =
        utterance(one(o, "tenant", null), one(o, "phone", null), Instant.now(), null);
    item.put("user_text", s("もしもし"));
    client.putItem(b -> b.tableName(one(o, "logs-table", "app-logs")).item(item));
    System.out.println(item.get("ts").s());
  }

  /** The keys, phone, Python isoformat(timespec="microseconds") ts and call SID of a log item. */
  private static Map<String, AttributeValue> utterance(
      String tenant, String phone, Instant at, String callSid) {
    String ts =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'")
            .withZone(ZoneOffset.UTC)
            .format(at);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("client_id", s(tenant));
    item.put("sk", s(phone + "#" + ts));
    item.put("phone_number", s(phone));
    item.put("ts", s(ts));
    if (callSid != null) {
      item.put("call_sid", s(callSid));
    }
    return item;
  }

  static void putAll(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int from = 0; from < items.size(); from += 25) {
      List<WriteRequest> batch = new ArrayList<>();
      for (Map<String, AttributeValue> item :
          items.subList(from, Math.min(items.size(), from + 25))) {
        batch.add(
            WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      }
      done.add(
          pool.submit(
              () -> {
                Map<String, List<WriteRequest>> pending = Map.of(table, batch);
                while (!pending.isEmpty()) {
                  Map<String, List<WriteRequest>> request = pending;
                  pending =
                      client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static Map<String, List<String>> options(String[] args) {
    Map<String, List<String>> o = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException("expected --name value at " + args[i]);
      }
      o.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
    }
    return o;
  }

  static String one(Map<String, List<String>> o, String name, String fallback) {
    List<String> v = o.get(name);
    if (v == null) {
      if (fallback == null) {
        throw new IllegalArgumentException("--" + name + " is required");
      }
      return fallback;
    }
    return v.get(v.size() - 1);
  }
}
