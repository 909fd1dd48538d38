package jp.uketsuke.platform;

import java.util.OptionalLong;

/**
 * A route that legitimately takes larger bodies than the global limit (a bulk import) says so by
 * providing one of these as a CDI bean; {@link BodySizeLimit} asks each of them before it applies
 * the global limit.
 */
public interface BodyLimitOverride {
  /**
   * @param path the request path relative to the application, without a leading slash (as {@code
   *     UriInfo.getPath()} gives it)
   * @return the limit for this path, or empty when this override does not apply
   */
  OptionalLong limitFor(String method, String path);
}
