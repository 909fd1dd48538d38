package jp.uketsuke.exttools;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one ext-tool request to addresses that were already checked. Each call gets its own client
 * whose DNS resolver answers only those addresses, so nothing is resolved twice; TLS still verifies
 * the certificate against the host name. Redirects are answers, not followed; the timeout bounds
 * the whole call; the body is read up to a limit and the connection dropped, not drained.
 */
final class ExtToolHttp {
  private final int maxResponseBytes;
  private final Lookup<TlsSocketStrategy> tls;

  ExtToolHttp(int maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
    this.tls =
        RegistryBuilder.<TlsSocketStrategy>create()
            .register("https", DefaultClientTlsStrategy.createDefault())
            .build();
  }

  ExtToolResponse send(ExtToolRequest request, InetAddress[] addresses) throws ExtToolFailure {
    HttpUriRequestBase message = message(request);
    AtomicBoolean expired = new AtomicBoolean();
    long millis = request.timeout().toMillis();
    CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              expired.set(true);
              message.cancel();
            });
    try (CloseableHttpClient client = client(request, addresses)) {
      try {
        ClassicHttpResponse response = client.executeOpen(null, message, null);
        return read(response);
      } finally {
        message.cancel(); // drops the connection instead of draining what was not read
        client.close(CloseMode.IMMEDIATE);
      }
    } catch (IOException | IllegalStateException e) {
      throw failure(e, expired.get(), request);
    }
  }

  private static HttpUriRequestBase message(ExtToolRequest request) {
    HttpUriRequestBase message = new HttpUriRequestBase(request.method(), request.uri());
    request.headers().forEach(message::addHeader);
    if (request.body() != null) {
      ContentType type = ContentType.parse(request.contentType());
      if (type.getCharset() == null) {
        type = type.withCharset(StandardCharsets.UTF_8);
      }
      message.setEntity(new StringEntity(request.body(), type));
    }
    return message;
  }

  private CloseableHttpClient client(ExtToolRequest request, InetAddress[] addresses) {
    Timeout timeout = Timeout.ofMilliseconds(request.timeout().toMillis());
    BasicHttpClientConnectionManager connections =
        BasicHttpClientConnectionManager.create(
            DefaultSchemePortResolver.INSTANCE,
            pinned(addresses),
            tls,
            ManagedHttpClientConnectionFactory.INSTANCE);
    connections.setConnectionConfig(
        ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build());
    return HttpClients.custom()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(
            RequestConfig.custom().setResponseTimeout(timeout).setRedirectsEnabled(false).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .build();
  }

  /** Answers every lookup of this call with the checked addresses, and nothing else. */
  private static DnsResolver pinned(InetAddress[] addresses) {
    return new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) {
        return addresses.clone();
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
  }

  private ExtToolResponse read(ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    String contentType = entity == null ? null : entity.getContentType();
    if (entity == null) {
      return new ExtToolResponse(response.getCode(), null, new byte[0], false);
    }
    byte[] buffer = new byte[maxResponseBytes];
    int length = 0;
    InputStream in = entity.getContent();
    while (length < buffer.length) {
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        break;
      }
      length += read;
    }
    boolean truncated = length == buffer.length && more(entity, in, length);
    byte[] body = length == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, length);
    return new ExtToolResponse(response.getCode(), contentType, body, truncated);
  }

  /** Whether the body goes on past what was read; by its length when the server declared one. */
  private static boolean more(HttpEntity entity, InputStream in, int read) {
    if (entity.getContentLength() >= 0) {
      return entity.getContentLength() > read;
    }
    try {
      return in.read() >= 0;
    } catch (IOException e) {
      return true;
    }
  }

  private static ExtToolFailure failure(Exception e, boolean expired, ExtToolRequest request) {
    long seconds = Math.max(1, Math.round(request.timeout().toMillis() / 1000.0));
    if (expired || e instanceof InterruptedIOException) {
      return new ExtToolFailure("timed out after " + seconds + " s");
    }
    if (e instanceof ConnectException) {
      return new ExtToolFailure("connection refused");
    }
    if (e instanceof NoRouteToHostException) {
      return new ExtToolFailure("host unreachable");
    }
    if (e instanceof SSLException) {
      return new ExtToolFailure("TLS handshake with the host failed");
    }
    return new ExtToolFailure("the request failed");
  }
}
