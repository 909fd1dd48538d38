package jp.uketsuke.chat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import jp.uketsuke.llm.ToolDefinition;

/**
 * The tools a tenant offers the assistant: its func-config functions (the built-in task tools among
 * them) and one function per ext-tool. Only these may run.
 *
 * @param extTools the ext-tool definitions by name, for calling them
 */
public record ToolSet(List<ToolDefinition> definitions, Map<String, JsonObject> extTools) {
  public boolean offers(String name) {
    return definitions.stream().anyMatch(d -> d.function().name().equals(name));
  }
}
