package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.io.File;
import java.net.URISyntaxException;
import java.util.Set;
import jp.uketsuke.settings.Setting;
import jp.uketsuke.settings.SettingsStore;
import jp.uketsuke.tenant.Caller;
import jp.uketsuke.tenant.TenantContext;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * In-container wiring: the built WAR, deployed by Arquillian into the running Liberty, gets its
 * beans from CDI, its settings from MP Config and a DynamoDB client that reaches the local store.
 */
@ExtendWith(ArquillianExtension.class)
class WiringIT {

  @Deployment
  static WebArchive deployment() throws URISyntaxException {
    File assertj =
        new File(Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ShrinkWrap.create(ZipImporter.class, "wiring.war")
        .importFrom(new File("target/uketsuke.war"))
        .as(WebArchive.class)
        .addClass(WiringIT.class)
        .addAsLibrary(assertj);
  }

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject SettingsStore settings;
  @Inject TenantContext tenant;

  @Test
  void theProducedClientReachesTheConfiguredTables() {
    assertThat(dynamoDb.listTables().tableNames()).containsAll(tables.all());
    assertThat(tables.all()).startsWith("app-logs", "app-faq", "app-prompts", "app-tasks");
  }

  @Test
  void storesWorkThroughTheSharedClient() {
    Caller caller =
        new Caller("wiring", "wiring-test", Caller.Kind.PERSON, "client", Set.of(), null);
    settings.save("wiring", Setting.PROMPT, AttributeValue.fromS("in-container"), caller, null);
    assertThat(settings.current("wiring", Setting.PROMPT))
        .contains(AttributeValue.fromS("in-container"));
  }

  @Test
  void withoutAVerifiedTokenThereIsNoTenant() {
    assertThatThrownBy(tenant::tenantId)
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401));
  }
}
