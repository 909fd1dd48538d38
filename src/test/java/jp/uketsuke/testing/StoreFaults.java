package jp.uketsuke.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * Outages of the local DynamoDB (dynalite) while Liberty keeps running, through the stack's fault
 * endpoint: connections refused, or requests carried out without their answers; data kept.
 */
public final class StoreFaults {
  private StoreFaults() {}

  public static void stop() throws IOException, InterruptedException {
    send("stop");
  }

  /** Requests are carried out (writes land) but their answers never arrive. */
  public static void dropAnswers() throws IOException, InterruptedException {
    send("drop-answers");
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
