package jp.uketsuke.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the started server: one request, one {@link Reply}. */
public final class Api {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final Map<String, String> headers = new LinkedHashMap<>();

  private Api() {}

  public static Api anonymous() {
    return new Api();
  }

  public static Api as(String token) {
    return new Api().header("Authorization", "Bearer " + token);
  }

  public static String baseUrl() {
    return "http://localhost:" + LocalStack.required("it.http.port");
  }

  public Api header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Reply get(String path) {
    return send("GET", path, BodyPublishers.noBody());
  }

  public Reply delete(String path) {
    return send("DELETE", path, BodyPublishers.noBody());
  }

  public Reply put(String path, String json) {
    return sendJson("PUT", path, json);
  }

  public Reply post(String path, String json) {
    return sendJson("POST", path, json);
  }

  public Reply sendJson(String method, String path, String json) {
    headers.putIfAbsent("Content-Type", "application/json");
    return send(method, path, BodyPublishers.ofString(json));
  }

  private static volatile boolean ready;

  /**
   * Waits once per test run until the service reports ready: under load Liberty may announce itself
   * before the application has started.
   */
  private static void awaitReady() {
    if (ready) {
      return;
    }
    synchronized (Api.class) {
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (!ready && System.nanoTime() < deadline) {
        try {
          var response =
              HTTP.send(
                  HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).build(),
                  BodyHandlers.discarding());
          ready = response.statusCode() == 200;
          if (!ready) {
            Thread.sleep(250);
          }
        } catch (IOException e) {
          sleepQuietly();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Reply send(String method, String path, BodyPublisher body) {
    awaitReady();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body);
    headers.forEach(request::header);
    try {
      return new Reply(HTTP.send(request.build(), BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
