package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import jp.uketsuke.platform.BodyLimitOverride;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A FAQ import of a few thousand rows is larger than the global body limit allows, so its route has
 * its own ({@code uketsuke.faq.import-max-bytes}, 10 MiB by default).
 */
@ApplicationScoped
public class FaqImportBodyLimit implements BodyLimitOverride {
  @Inject
  @ConfigProperty(name = "uketsuke.faq.import-max-bytes", defaultValue = "10485760")
  long maxBytes;

  @Override
  public OptionalLong limitFor(String method, String path) {
    return "POST".equals(method) && "faqs/import".equals(path)
        ? OptionalLong.of(maxBytes)
        : OptionalLong.empty();
  }
}
