package jp.uketsuke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Readiness for Kubernetes: DynamoDB answers and all its tables exist. Liveness and startup are
 * Liberty's own (the process serves; the application has started): a DynamoDB outage takes pods out
 * of the load balancer but must not restart them.
 *
 * <p>Every probe (kubelet, load balancer) would otherwise cost one {@code DescribeTable} per table,
 * so the outcome is kept for {@code uketsuke.health.table-check-interval}. The answer is open to
 * anyone who reaches the port: it says how many tables are missing, never their names, which go to
 * the log.
 */
@ApplicationScoped
public class Health {
  private static final Logger LOG = Logger.getLogger(Health.class.getName());

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  @Inject
  @ConfigProperty(name = "uketsuke.health.table-check-interval", defaultValue = "PT30S")
  Duration interval;

  /** The clock of the cache; tests replace it. */
  LongSupplier nanoTime = System::nanoTime;

  private Outcome last;

  /** What one round of checks found, and when (in {@link #nanoTime} units). */
  record Outcome(boolean reachable, int missing, long checkedAt) {}

  @Produces
  @Readiness
  HealthCheck tablesReachable() {
    return this::check;
  }

  HealthCheckResponse check() {
    Outcome outcome = outcome();
    if (!outcome.reachable()) {
      return HealthCheckResponse.named("dynamodb").down().withData("reachable", false).build();
    }
    return HealthCheckResponse.named("dynamodb")
        .status(outcome.missing() == 0)
        .withData("reachable", true)
        .withData("missing_tables", outcome.missing())
        .build();
  }

  /** One round of checks at a time; probes in between get the last outcome while it is fresh. */
  synchronized Outcome outcome() {
    long now = nanoTime.getAsLong();
    if (last == null || now - last.checkedAt() >= interval.toNanos()) {
      last = checkTables(now);
    }
    return last;
  }

  private Outcome checkTables(long now) {
    List<String> missing = new ArrayList<>();
    try {
      for (String table : tables.all()) {
        try {
          dynamoDb.describeTable(b -> b.tableName(table));
        } catch (ResourceNotFoundException e) {
          missing.add(table);
        }
      }
    } catch (SdkException e) {
      LOG.warning("Readiness: DynamoDB did not answer: " + e.getClass().getSimpleName());
      return new Outcome(false, 0, now);
    }
    if (!missing.isEmpty()) {
      LOG.warning("Readiness: DynamoDB tables missing: " + String.join(", ", missing));
    }
    return new Outcome(true, missing.size(), now);
  }
}
