package jp.uketsuke.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * Takes the local DynamoDB (dynalite) off its port and brings it back, data kept, through the
 * stack's fault endpoint: an outage of the real store while Liberty keeps running.
 */
public final class StoreFaults {
  private StoreFaults() {}

  public static void stop() throws IOException, InterruptedException {
    send("stop");
  }

  public static void start() throws IOException, InterruptedException {
    send("start");
  }

  private static void send(String action) throws IOException, InterruptedException {
    String signer = LocalStack.get().state().getString("signerEndpoint");
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(signer + "/_faults/dynamodb/" + action))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
