package jp.uketsuke.llm;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Adds the credentials to every request to OpenAI (chat and transcription). They are read once at
 * start-up and held here, so a request never waits for configuration lookups and the key never
 * appears in a request object.
 */
final class ModelHeaders implements ClientRequestFilter {
  private final Optional<String> apiKey;
  private final Optional<String> organization;
  private final Optional<String> project;

  ModelHeaders(Optional<String> apiKey, Optional<String> organization, Optional<String> project) {
    this.apiKey = apiKey;
    this.organization = organization;
    this.project = project;
  }

  @Override
  public void filter(ClientRequestContext request) {
    apiKey.ifPresent(
        key -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + key));
    organization.ifPresent(org -> request.getHeaders().putSingle("OpenAI-Organization", org));
    project.ifPresent(p -> request.getHeaders().putSingle("OpenAI-Project", p));
  }
}
