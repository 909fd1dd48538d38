package jp.uketsuke.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Reply;

/**
 * Sends many {@code POST /call} at once, as the voice server does during busy calls: over HTTP/1.1
 * connections of its own (like a server-to-server client), so concurrent request bodies do not
 * share the test suite's one HTTP/2 connection.
 */
final class ConcurrentPosts {
  private static final HttpClient HTTP11 =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private ConcurrentPosts() {}

  /** Posts every body with {@code threads} in parallel and asserts each answered 200. */
  static void postAll(String token, String tenant, List<String> bodies, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (String body : bodies) {
        replies.add(pool.submit(() -> post(token, tenant, body)));
      }
      for (Future<Reply> reply : replies) {
        reply.get().ok();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static Reply post(String token, String tenant, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/call"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body));
    if (tenant != null) {
      request.header("x-client-id", tenant);
    }
    Reply reply = new Reply(HTTP11.send(request.build(), BodyHandlers.ofString()));
    assertThat(reply.response().version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    return reply;
  }
}
