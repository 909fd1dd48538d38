package jp.uketsuke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every AWS client of the process shares (DynamoDB here, SQS in {@code webhooks/}): the
 * region, the credentials, the endpoint override of the local stack and the Apache 5 HTTP client.
 * Credentials come from the default chain (web identity through IRSA on EKS); fixed dummy keys only
 * when the local stack asks for them.
 */
@ApplicationScoped
public class AwsClients {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  @Inject
  @ConfigProperty(name = "uketsuke.aws.region", defaultValue = "ap-northeast-1")
  String region;

  @Inject
  @ConfigProperty(name = "uketsuke.aws.local-credentials", defaultValue = "false")
  boolean localCredentials;

  /**
   * @param builder a service's client builder
   * @param endpoint the service's endpoint override (local stack only), else AWS
   * @param http the service's HTTP client settings; the connect timeout is set here
   * @return the builder, for the service's own settings
   */
  public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, Optional<URI> endpoint, Apache5HttpClient.Builder http) {
    builder
        .region(Region.of(region))
        .credentialsProvider(credentials())
        .httpClientBuilder(http.connectionTimeout(CONNECT_TIMEOUT));
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }

  private AwsCredentialsProvider credentials() {
    return localCredentials
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
        : DefaultCredentialsProvider.builder().build();
  }
}
