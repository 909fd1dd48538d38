package jp.uketsuke.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import jp.uketsuke.exttools.ExtToolUrls;
import jp.uketsuke.exttools.OutboundPost;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where webhooks may point: the ext-tool address rule. For tests and local runs only, {@code
 * uketsuke.webhooks.http-hosts} may use plain http and {@code uketsuke.webhooks.allowed-endpoints}
 * ({@code host:port} exactly) skip the internal-address judgement, like the ext-tool keys.
 */
@ApplicationScoped
class WebhookAddresses {
  private OutboundPost post;

  @Inject
  WebhookAddresses(
      @ConfigProperty(name = "uketsuke.webhooks.http-hosts") Optional<List<String>> httpHosts,
      @ConfigProperty(name = "uketsuke.webhooks.allowed-endpoints")
          Optional<List<String>> allowedEndpoints) {
    this.post = new OutboundPost(ExtToolUrls.of(httpHosts, allowedEndpoints));
  }

  /** Needed by CDI for the client proxy of an application-scoped bean. */
  WebhookAddresses() {}

  OutboundPost post() {
    return post;
  }
}
