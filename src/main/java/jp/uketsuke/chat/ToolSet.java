package jp.uketsuke.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.llm.ToolDefinition;
import jp.uketsuke.settings.ExtToolSpec;
import jp.uketsuke.settings.ExtToolsConfig;
import jp.uketsuke.settings.FuncConfig;
import jp.uketsuke.settings.ToolSpec;

/**
 * The tools a tenant offers the assistant: its func-config functions (the built-in task tools among
 * them) and one function per ext-tool. Only these may run.
 *
 * @param extTools the ext-tools by name, for calling them
 */
public record ToolSet(List<ToolDefinition> definitions, Map<String, ExtToolSpec> extTools) {
  /** The sound tools of both settings, func-config's first; names are unique across both. */
  static ToolSet of(FuncConfig funcConfig, ExtToolsConfig extToolsConfig) {
    List<ToolDefinition> definitions = new ArrayList<>();
    funcConfig.tools().forEach(tool -> definitions.add(definition(tool)));
    Map<String, ExtToolSpec> extTools = new LinkedHashMap<>();
    for (ExtToolSpec tool : extToolsConfig.tools()) {
      definitions.add(definition(tool.function()));
      extTools.put(tool.name(), tool);
    }
    return new ToolSet(List.copyOf(definitions), Collections.unmodifiableMap(extTools));
  }

  public boolean offers(String name) {
    return definitions.stream().anyMatch(d -> d.function().name().equals(name));
  }

  private static ToolDefinition definition(ToolSpec tool) {
    return ToolDefinition.function(tool.name(), tool.description(), tool.parameters());
  }
}
