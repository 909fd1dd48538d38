package jp.uketsuke.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;

/** A response of the server, with the assertions every test of the contract repeats. */
public record Reply(HttpResponse<String> response) {

  public int status() {
    return response.statusCode();
  }

  public String body() {
    return response.body();
  }

  public String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  public JsonObject json() {
    try (JsonReader reader = Json.createReader(new StringReader(body()))) {
      return reader.readObject();
    }
  }

  /** 200 and {@code ok: true}. */
  public JsonObject ok() {
    assertThat(status()).as("status of %s", body()).isEqualTo(200);
    JsonObject json = json();
    assertThat(json.getBoolean("ok")).isTrue();
    return json;
  }

  /**
   * The failure every client understands: the status, a problem+json document with {@code ok:
   * false} and a readable {@code error}, and nothing internal in it.
   */
  public JsonObject problem(int expectedStatus) {
    assertThat(status()).as("status of %s", body()).isEqualTo(expectedStatus);
    assertThat(header("Content-Type")).startsWith("application/problem+json");
    JsonObject json = json();
    assertThat(json.getBoolean("ok")).isFalse();
    assertThat(json.getInt("status")).isEqualTo(expectedStatus);
    assertThat(json.getString("title")).isNotBlank();
    assertThat(json.getString("error")).isNotBlank().isEqualTo(json.getString("detail"));
    assertThat(body()).doesNotContain("Exception", "jp.uketsuke", "at java.", "software.amazon");
    assertThat(header("X-Request-Id")).isNotBlank();
    return json;
  }
}
