package jp.uketsuke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The names of the tables the service uses; they exist in production and keep their shape. */
@ApplicationScoped
public class Tables {
  @Inject
  @ConfigProperty(name = "uketsuke.table.logs", defaultValue = "app-logs")
  String logs;

  @Inject
  @ConfigProperty(name = "uketsuke.table.faq", defaultValue = "app-faq")
  String faq;

  @Inject
  @ConfigProperty(name = "uketsuke.table.prompts", defaultValue = "app-prompts")
  String prompts;

  @Inject
  @ConfigProperty(name = "uketsuke.table.tasks", defaultValue = "app-tasks")
  String tasks;

  public String logs() {
    return logs;
  }

  public String faq() {
    return faq;
  }

  public String prompts() {
    return prompts;
  }

  public String tasks() {
    return tasks;
  }

  public List<String> all() {
    return List.of(logs, faq, prompts, tasks);
  }
}
