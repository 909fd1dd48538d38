package jp.uketsuke.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What server.xml makes Liberty log per request: the request id and tenant, under the same JSON
 * names the application's own lines carry, and never a path or query (they hold phone numbers).
 * LogHygieneIT checks the logs a running server really writes.
 */
class LoggingConfigTest {

  @Test
  void theAccessLogNamesRequestIdAndTenantButNoPathOrQuery() {
    String format = ServerConfig.accessLogFormat();
    assertThat(format).contains("%{X-Request-Id}o", "%{X-Tenant-Id}o");
    // %r request line, %U path, %q query, %i request headers (Authorization, x-client-id...)
    assertThat(format).doesNotContain("%r", "%U", "%q", "}i", "%C");
  }

  @Test
  void jsonAccessLogEntriesUseTheFieldNamesOfApplicationLines() {
    assertThat(ServerConfig.loggingAttribute("jsonAccessLogFields")).isEqualTo("logFormat");
    assertThat(ServerConfig.loggingAttribute("jsonFieldMappings"))
        .contains("ibm_responseHeader_X-Request-Id:ext_request_id")
        .contains("ibm_responseHeader_X-Tenant-Id:ext_tenant");
  }
}
