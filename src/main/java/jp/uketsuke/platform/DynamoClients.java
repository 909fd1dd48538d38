package jp.uketsuke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one DynamoDB client of the process, shared by every request; region, credentials and endpoint
 * as every AWS client ({@link AwsClients}).
 */
@ApplicationScoped
public class DynamoClients {
  @Inject AwsClients aws;

  @Inject
  @ConfigProperty(name = "uketsuke.dynamodb.endpoint")
  Optional<URI> endpoint;

  @Inject
  @ConfigProperty(name = "uketsuke.dynamodb.timeout", defaultValue = "PT3S")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "uketsuke.dynamodb.max-connections", defaultValue = "64")
  int maxConnections;

  @Produces
  @ApplicationScoped
  DynamoDbClient dynamoDb() {
    return aws.configure(
            DynamoDbClient.builder(),
            endpoint,
            Apache5HttpClient.builder().maxConnections(maxConnections).socketTimeout(timeout))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallTimeout(timeout.multipliedBy(2))
                .apiCallAttemptTimeout(timeout)
                .addExecutionInterceptor(new StoreCalls())
                .build())
        .build();
  }

  void close(@Disposes DynamoDbClient dynamoDb) {
    dynamoDb.close();
  }
}
