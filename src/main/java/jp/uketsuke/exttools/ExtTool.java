package jp.uketsuke.exttools;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of one stored ext-tool, as {@code jp.uketsuke.settings.ExtToolsConfig} read it:
 * fields of the right kinds, placeholders not yet filled in.
 *
 * @param method as stored, or null for none (POST with a body, GET without)
 * @param url the URL template
 * @param headers header templates in stored order
 * @param body the body template, or null for none; a JSON value because a template may be any JSON
 *     kind (an object or list filled in as JSON, or text)
 * @param timeout the tool's own timeout, or null for the configured default
 * @param required the arguments its parameters' schema requires
 */
public record ExtTool(
    String name,
    String method,
    String url,
    Map<String, String> headers,
    JsonValue body,
    Duration timeout,
    List<String> required) {}
