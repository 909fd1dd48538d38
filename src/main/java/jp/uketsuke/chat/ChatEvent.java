package jp.uketsuke.chat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import jp.uketsuke.calls.AnnotatedTurn;
import jp.uketsuke.platform.Timestamps;

/**
 * One chat turn as {@code /chat-logs} shows it: a log line whose phone number is masked, with the
 * turn's facts beside it. The texts of the conversation are not part of it.
 *
 * @param timestamp epoch milliseconds
 */
public record ChatEvent(
    long timestamp,
    String message,
    String ts,
    String mode,
    String model,
    Long latencyMs,
    Long tokensIn,
    Long tokensOut,
    List<String> tools,
    String error) {

  static ChatEvent of(AnnotatedTurn stored) {
    Map<String, Object> extra = stored.extra();
    String mode = (String) extra.get(TurnRecorder.MODE);
    Long latency = number(extra.get("latency_ms"));
    @SuppressWarnings("unchecked")
    List<String> tools = (List<String>) extra.get("tools");
    String error = (String) extra.get("error");
    StringBuilder message =
        new StringBuilder("chat ")
            .append(mask(stored.turn().phoneNumber()))
            .append(" mode=")
            .append(mode);
    if (latency != null) {
      message.append(" latency=").append(latency).append("ms");
    }
    if (tools != null && !tools.isEmpty()) {
      message.append(" tools=").append(String.join(",", tools));
    }
    if (error != null) {
      message.append(" error=").append(error);
    }
    String ts = stored.turn().ts();
    return new ChatEvent(
        Timestamps.parse(ts, "ts").toEpochMilli(),
        message.toString(),
        ts,
        mode,
        (String) extra.get("model"),
        latency,
        number(extra.get("tokens_in")),
        number(extra.get("tokens_out")),
        tools,
        error);
  }

  /** Keeps the first three and last two digits: enough to tell callers apart, not to call them. */
  static String mask(String phone) {
    if (phone == null || phone.chars().noneMatch(Character::isDigit)) {
      return phone == null ? "" : phone;
    }
    if (phone.length() < 7) {
      return "*".repeat(phone.length());
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 5)
        + phone.substring(phone.length() - 2);
  }

  private static Long number(Object value) {
    return value instanceof BigDecimal n ? n.longValue() : null;
  }
}
