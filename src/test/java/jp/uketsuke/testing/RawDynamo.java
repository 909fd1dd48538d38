package jp.uketsuke.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local DynamoDB as the old system saw it: tests write items the way the old backend wrote them
 * and read back what the service stored, without going through the service.
 */
public final class RawDynamo {
  private static DynamoDbClient client;

  private RawDynamo() {}

  public static synchronized DynamoDbClient client() {
    if (client == null) {
      client =
          DynamoDbClient.builder()
              .endpointOverride(URI.create(LocalStack.get().dynamoEndpoint()))
              .region(Region.AP_NORTHEAST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
              .build();
    }
    return client;
  }

  /** The name the stack gave a table: {@code tasks}, {@code prompts}, ... */
  public static String table(String kind) {
    return LocalStack.get().state().getJsonObject("tables").getString(kind);
  }
}
