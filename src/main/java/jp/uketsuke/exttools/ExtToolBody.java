package jp.uketsuke.exttools;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Locale;

/**
 * An ext-tool's body and its media type. A JSON template (or a string of JSON text) becomes JSON, a
 * form template a form; anything else is plain text.
 */
record ExtToolBody(String text, String contentType) {
  static ExtToolBody of(JsonValue template, String contentType, ExtToolTemplates templates)
      throws ExtToolFailure {
    if (template == null || template == JsonValue.NULL) {
      return null;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (!(template instanceof JsonString string)) {
      return new ExtToolBody(templates.json(template).toString(), orJson(contentType));
    }
    String text = string.getString();
    if (type.contains("x-www-form-urlencoded")) {
      return new ExtToolBody(templates.form(text), contentType);
    }
    boolean looksJson = text.strip().startsWith("{") || text.strip().startsWith("[");
    if (type.contains("json") || (type.isEmpty() && looksJson)) {
      return new ExtToolBody(checkedJson(templates.jsonText(text)), orJson(contentType));
    }
    String plain = contentType == null ? "text/plain; charset=UTF-8" : contentType;
    return new ExtToolBody(templates.plain(text), plain);
  }

  private static String orJson(String contentType) {
    return contentType == null ? "application/json" : contentType;
  }

  private static String checkedJson(String text) throws ExtToolFailure {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      reader.readValue();
      return text;
    } catch (JsonException e) {
      throw new ExtToolFailure("the tool's body template is not valid JSON");
    }
  }
}
