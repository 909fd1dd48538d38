package jp.uketsuke.exttools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ext-tool address rule as this server is configured, read once: {@code settings/} checks a
 * tool being saved with it and {@link ExtToolCaller} the call it makes, so the two cannot disagree.
 */
@ApplicationScoped
public class ExtToolRule {
  private ExtToolUrls urls;

  /**
   * @param allowedEndpoints for tests and local development only: {@code host:port} pairs (exactly
   *     as in the URL) exempt from the internal-address check, such as a local stand-in server
   */
  @Inject
  ExtToolRule(
      @ConfigProperty(name = "uketsuke.ext-tools.http-hosts") Optional<List<String>> httpHosts,
      @ConfigProperty(name = "uketsuke.ext-tools.allowed-endpoints")
          Optional<List<String>> allowedEndpoints) {
    this.urls = ExtToolUrls.of(httpHosts, allowedEndpoints);
  }

  /** Needed by CDI for the client proxy of an application-scoped bean. */
  protected ExtToolRule() {}

  public ExtToolUrls urls() {
    return urls;
  }
}
