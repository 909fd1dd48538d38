package jp.uketsuke.exttools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The literal rule, the same when a tool is saved and when it runs. */
class ExtToolUrlsTest {
  private final ExtToolUrls urls =
      new ExtToolUrls(Set.of("tools.dev.test", "127.0.0.1"), Set.of("127.0.0.1:8089"));

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://cafe.de/menu",
        "https://dead.beef/",
        "https://face.b00c.example/",
        "https://api.example.com/w?q={{city}}",
        "https://93.184.216.34/x",
        "https://[2606:4700:4700::1111]/",
        "https://[2002:808:808::]/",
        "https://[64:ff9b::808:808]/",
        "https://[64:ff9b:1::808:808]/",
        "https://[::ffff:8.8.8.8]/",
        "http://tools.dev.test:8080/x",
        "http://127.0.0.1:8089/stub"
      })
  void publicNamesAndAddressesAndAllowedEndpointsPass(String url) throws Exception {
    urls.checkTemplate(url);
  }

  @Test
  void aNameThatLooksHexadecimalIsResolvedAsAName() throws Exception {
    ExtToolUrls.Target target = urls.check(URI.create("https://cafe.de/"));

    assertThat(target.name()).isEqualTo("cafe.de");
    assertThat(target.literal()).isNull();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "plain http, http://api.example.com/, must use https",
    "other scheme, ftp://api.example.com/, must use https",
    "relative, /relative, must be an absolute https URL with a host",
    "credentials, https://user:pass@api.example.com/, must not hold credentials",
    "placeholder host, https://{{city}}.example.com/, must not take its host from a placeholder",
    "decimal integer, https://2130706433/, four decimal numbers",
    "octal, https://0177.0.0.1/, four decimal numbers",
    "leading zero, https://010.0.0.1/, four decimal numbers",
    "short form (java.net.URI sees no host), https://127.1/, with a host",
    "single hex label, https://0xcafe/, four decimal numbers",
    "localhost, https://localhost/, internal address",
    "a localhost subdomain, https://api.localhost/, internal address",
    "metadata service, https://169.254.169.254/latest, internal address",
    "trailing dot (java.net.URI sees no host), https://127.0.0.1./, with a host",
    "IPv6 loopback, https://[::1]/, internal address",
    "IPv4-mapped, https://[::ffff:127.0.0.1]/, internal address",
    "IPv4-translated, https://[::ffff:0:a9fe:a9fe]/, internal address",
    "IPv4-compatible, https://[::127.0.0.1]/, internal address",
    "6to4, https://[2002:7f00:1::]/, internal address",
    "NAT64, https://[64:ff9b::a9fe:a9fe]/, internal address",
    "local-use NAT64, https://[64:ff9b:1::a00:1]/, internal address",
    "Teredo, https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/, internal address",
    "allowed endpoint on another port, http://127.0.0.1:8090/, internal address"
  })
  void refusedUrlsSayWhy(String what, String url, String why) {
    assertThatThrownBy(() -> urls.checkTemplate(url))
        .as(what)
        .isInstanceOf(ExtToolUrls.Refused.class)
        .hasMessageContaining(why);
  }
}
