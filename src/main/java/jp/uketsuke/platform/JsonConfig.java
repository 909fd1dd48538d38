package jp.uketsuke.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The wire speaks snake_case ({@code phone_number}, {@code next_token}) while Java speaks
 * camelCase; records keep Java names and this one setting bridges them.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {
  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
