package jp.uketsuke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one DynamoDB client of the process, shared by every request. Credentials come from the
 * default chain (web identity through IRSA on EKS); fixed dummy keys only when the local stack asks
 * for them.
 */
@ApplicationScoped
public class DynamoClients {
  @Inject
  @ConfigProperty(name = "uketsuke.aws.region", defaultValue = "ap-northeast-1")
  String region;

  @Inject
  @ConfigProperty(name = "uketsuke.dynamodb.endpoint")
  Optional<URI> endpoint;

  @Inject
  @ConfigProperty(name = "uketsuke.aws.local-credentials", defaultValue = "false")
  boolean localCredentials;

  @Inject
  @ConfigProperty(name = "uketsuke.dynamodb.timeout", defaultValue = "PT3S")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "uketsuke.dynamodb.max-connections", defaultValue = "64")
  int maxConnections;

  @Produces
  @ApplicationScoped
  DynamoDbClient dynamoDb() {
    var builder =
        DynamoDbClient.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials())
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
                    .addExecutionInterceptor(new StoreCalls())
                    .build());
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private AwsCredentialsProvider credentials() {
    return localCredentials
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
        : DefaultCredentialsProvider.builder().build();
  }

  void close(@Disposes DynamoDbClient dynamoDb) {
    dynamoDb.close();
  }
}
