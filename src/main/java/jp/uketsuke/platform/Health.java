package jp.uketsuke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
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
 */
@ApplicationScoped
public class Health {
  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  @Produces
  @Readiness
  HealthCheck tablesReachable() {
    return () -> {
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
        return HealthCheckResponse.named("dynamodb").down().withData("reachable", false).build();
      }
      return HealthCheckResponse.named("dynamodb")
          .status(missing.isEmpty())
          .withData("reachable", true)
          .withData("missing_tables", String.join(",", missing))
          .build();
    };
  }
}
