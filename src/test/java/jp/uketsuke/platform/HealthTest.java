package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Readiness asks DynamoDB about its tables at most once per interval, however often it is probed,
 * and tells a prober how many tables are missing, not which.
 */
class HealthTest {
  private final List<String> described = new ArrayList<>();
  private final Set<String> absent = new java.util.HashSet<>();
  private final AtomicLong now = new AtomicLong(1_000);
  private final List<String> logged = new ArrayList<>();
  private final Logger log = Logger.getLogger(Health.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Health health;

  /** Liberty provides the response builder at run time; a plain test brings its own. */
  @BeforeAll
  static void plainResponses() {
    HealthCheckResponse.setResponseProvider(PlainResponse::new);
  }

  @BeforeEach
  void healthOverACountingDynamoDb() {
    health = new Health();
    health.dynamoDb =
        new DynamoDbClient() {
          @Override
          public DescribeTableResponse describeTable(DescribeTableRequest request) {
            described.add(request.tableName());
            if (absent.contains(request.tableName())) {
              throw ResourceNotFoundException.builder().message("not found").build();
            }
            return DescribeTableResponse.builder().build();
          }

          @Override
          public String serviceName() {
            return "dynamodb";
          }

          @Override
          public void close() {}
        };
    health.tables = new Tables();
    health.tables.logs = "t-logs";
    health.tables.faq = "t-faq";
    health.tables.prompts = "t-prompts";
    health.tables.tasks = "t-tasks";
    health.tables.audit = "t-audit";
    health.tables.phones = "t-phones";
    health.tables.usage = "t-usage";
    health.tables.transcripts = "t-transcripts";
    health.tables.idempotency = "t-idempotency";
    health.tables.callSids = "t-call-sids";
    health.tables.webhooks = "t-webhooks";
    health.tables.callSummaries = "t-call-summaries";
    health.tables.faqVectors = "t-faq-vectors";
    health.interval = Duration.ofSeconds(30);
    health.nanoTime = now::get;
    log.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    log.removeHandler(capture);
  }

  @Test
  void probesWithinTheIntervalReuseTheLastCheck() {
    for (int i = 0; i < 5; i++) {
      assertThat(health.check().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
      now.addAndGet(Duration.ofSeconds(5).toNanos());
    }
    int tables = health.tables.all().size();
    assertThat(described).as("one DescribeTable per table").hasSize(tables);

    now.addAndGet(Duration.ofSeconds(10).toNanos());
    health.check();
    assertThat(described).hasSize(2 * tables);
  }

  @Test
  void missingTablesAreCountedInTheAnswerAndNamedOnlyInTheLog() {
    absent.add("t-faq");
    absent.add("t-usage");

    HealthCheckResponse response = health.check();

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(response.getData()).isPresent();
    assertThat(response.getData().get()).containsEntry("missing_tables", 2L);
    assertThat(response.getData().get().values().toString()).doesNotContain("t-faq", "t-usage");
    assertThat(logged).anyMatch(m -> m.contains("t-faq") && m.contains("t-usage"));
  }

  @Test
  void aTableThatAppearsIsSeenAfterTheInterval() {
    absent.add("t-faq");
    assertThat(health.check().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

    absent.clear();
    assertThat(health.check().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    now.addAndGet(Duration.ofSeconds(30).toNanos());
    assertThat(health.check().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  static final class PlainResponse extends HealthCheckResponseBuilder {
    private String name;
    private boolean up;
    private final Map<String, Object> data = new LinkedHashMap<>();

    @Override
    public HealthCheckResponseBuilder name(String name) {
      this.name = name;
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, String value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, long value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, boolean value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder up() {
      return status(true);
    }

    @Override
    public HealthCheckResponseBuilder down() {
      return status(false);
    }

    @Override
    public HealthCheckResponseBuilder status(boolean up) {
      this.up = up;
      return this;
    }

    @Override
    public HealthCheckResponse build() {
      return new HealthCheckResponse(
          name,
          up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
          Optional.of(data));
    }
  }
}
