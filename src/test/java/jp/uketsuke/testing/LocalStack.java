package jp.uketsuke.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local stack the build started for the integration tests (local/stack.mjs): where dynalite,
 * cognito-local and the token signer listen, and the Cognito pool and clients it set up.
 */
public record LocalStack(JsonObject state, Path projectDir) {

  private static LocalStack current;

  public static synchronized LocalStack get() {
    if (current == null) {
      Path file = Path.of(required("it.stack.file"));
      try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
        current = new LocalStack(reader.readObject(), Path.of(required("it.project.dir")));
      } catch (IOException e) {
        throw new UncheckedIOException("the local stack did not write " + file, e);
      }
    }
    return current;
  }

  public String issuer() {
    return state.getString("issuer");
  }

  public String poolId() {
    return state.getString("poolId");
  }

  public String webClientId() {
    return state.getString("webClientId");
  }

  public String serviceClientId() {
    return state.getString("serviceClientId");
  }

  public String serviceScope() {
    return state.getString("serviceScope");
  }

  public String dynamoEndpoint() {
    return state.getString("dynamoEndpoint");
  }

  /** WireMock, playing OpenAI and Twilio for the service (stubs: {@link #wiremock()}). */
  public String wiremockUrl() {
    return state.getString("wiremockUrl");
  }

  /** A client for WireMock's admin API, to stub and verify what the service sends. */
  public com.github.tomakehurst.wiremock.client.WireMock wiremock() {
    java.net.URI url = java.net.URI.create(wiremockUrl());
    return new com.github.tomakehurst.wiremock.client.WireMock(url.getHost(), url.getPort());
  }

  public Path signerKeyFile() {
    return Path.of(state.getString("signerKeyFile"));
  }

  public Path dataDir() {
    return signerKeyFile().getParent();
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          property + " is not set: run integration tests through Maven (mvn verify)");
    }
    return value;
  }
}
