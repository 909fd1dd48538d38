package jp.uketsuke.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. The static methods of {@code jakarta.json.Json} look the
 * provider up on every call (a ServiceLoader walk and OSGi checks under Liberty); in a profile of
 * {@code POST /chat} that lookup was 13 % of the server's CPU per turn, spent building the
 * settings' JSON. Use {@code JSON.createObjectBuilder()} and friends instead.
 */
public final class Jsonp {
  public static final JsonProvider JSON = JsonProvider.provider();

  private Jsonp() {}
}
