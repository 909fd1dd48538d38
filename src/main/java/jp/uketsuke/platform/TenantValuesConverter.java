package jp.uketsuke.platform;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code tenant=value,...} settings for MicroProfile Config (registered in {@code
 * META-INF/services}); a malformed one fails the injection, so the application does not start.
 */
public class TenantValuesConverter implements Converter<TenantValues> {
  @Override
  public TenantValues convert(String value) {
    return value == null ? null : TenantValues.parse(value);
  }
}
