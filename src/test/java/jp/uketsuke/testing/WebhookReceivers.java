package jp.uketsuke.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import jakarta.json.Json;

/** Webhook receivers played by the stack's WireMock: the place where a test hears events. */
public final class WebhookReceivers {
  private WebhookReceivers() {}

  /**
   * Makes WireMock answer 200 at {@code path} and subscribes a webhook of {@code owner}'s tenant
   * there to {@code events}; the webhook's id.
   */
  public static String subscribe(Api owner, String path, String... events) {
    LocalStack stack = LocalStack.get();
    stack.wiremock().register(post(urlPathEqualTo(path)).willReturn(ok()));
    String body =
        Json.createObjectBuilder()
            .add("url", stack.wiremockUrl() + path)
            .add("events", Json.createArrayBuilder(java.util.List.of(events)))
            .build()
            .toString();
    return owner.post("/webhooks", body).ok().getJsonObject("item").getString("id");
  }
}
