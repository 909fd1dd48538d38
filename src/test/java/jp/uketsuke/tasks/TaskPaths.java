package jp.uketsuke.tasks;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Paths and bodies as the console sends them: names percent-encoded, JSON built, not typed. */
final class TaskPaths {
  private TaskPaths() {}

  static String task(String name) {
    return "/task/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String json(Map<String, ?> fields) {
    var builder = Json.createObjectBuilder();
    fields.forEach(
        (key, value) -> {
          if (value == null) {
            builder.addNull(key);
          } else {
            builder.add(key, String.valueOf(value));
          }
        });
    JsonObject json = builder.build();
    return json.toString();
  }
}
