package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** The one reading of {@code tenant=value,...} settings, and its registration with MP Config. */
class TenantValuesTest {

  @Test
  void entriesAreTrimmedBlankOnesSkippedAndAMalformedOneIsRefused() {
    assertThat(TenantValues.parse(" t1 = en ,, t2=ja,").values())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("t1", "en", "t2", "ja"));
    for (String malformed : new String[] {"t1", "=en", "t1=", "t1=en,t2"}) {
      assertThatThrownBy(() -> TenantValues.parse(malformed))
          .as(malformed)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tenant=value");
    }
  }

  @Test
  void eachValueIsReadOnceByTheSettingThatOwnsIt() {
    assertThat(TenantValues.parse("a=1,b=22").map(String::length)).containsEntry("b", 2);
    assertThat(TenantValues.NONE.map(String::length)).isEmpty();
  }

  @Test
  void mpConfigFindsTheConverterThroughServiceLoader() {
    assertThat(ServiceLoader.load(Converter.class).stream().map(ServiceLoader.Provider::type))
        .contains(TenantValuesConverter.class);
    assertThat(new TenantValuesConverter().convert("t=ACsub").values()).containsEntry("t", "ACsub");
  }
}
