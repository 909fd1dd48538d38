package jp.uketsuke.platform;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a response to its log lines. A caller's own {@code X-Request-Id} is kept when it
 * is short and plain, so the voice server can follow a turn across both services.
 */
@RequestScoped
public class RequestId {
  public static final String HEADER = "X-Request-Id";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private String value;

  void assign(String fromClient) {
    value =
        fromClient != null && ACCEPTED.matcher(fromClient).matches()
            ? fromClient
            : UUID.randomUUID().toString();
  }

  public String value() {
    if (value == null) {
      value = UUID.randomUUID().toString();
    }
    return value;
  }
}
