package jp.uketsuke.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What {@code mvn -Plocal} hands Liberty, read from the pom: settings the environment can still
 * override, and the local stack's configuration in a file that the Liberty plugin's reinstall of
 * its runtime cannot delete. The README's first run ({@code curl localhost:9080/health/ready}) is
 * what these protect; they cannot start it.
 */
class LocalRunConfigTest {
  private static final String LOCAL = "local";
  private static final Pom POM = Pom.read();

  @Test
  void localRunsSetNoLibertyValueThatWouldOutrankTheEnvironment() {
    // A liberty.var.* property becomes <variable value=...>, which MP Config ranks above the
    // environment: UKETSUKE_CORS_ORIGINS=... mvn -Plocal would be ignored.
    assertThat(POM.properties(LOCAL).keySet())
        .filteredOn(name -> name.startsWith("liberty.var."))
        .isEmpty();
    // The tests reserve their free HTTP port as a liberty.var.* property: not in local runs.
    for (Element execution : POM.executions("build-helper-maven-plugin")) {
      if (Pom.texts(execution, "portName").stream().anyMatch(p -> p.startsWith("liberty.var."))) {
        String id = Pom.text(execution, "id");
        assertThat(POM.executions(LOCAL, "build-helper-maven-plugin"))
            .as("the local profile switches off execution %s", id)
            .anySatisfy(
                e -> {
                  assertThat(Pom.text(e, "id")).isEqualTo(id);
                  assertThat(Pom.text(e, "phase")).isEqualTo("none");
                });
      }
    }
  }

  @Test
  void theDefaultsOfLocalRunsAreNotShadowedByServerXml() {
    // liberty.defaultVar.* lands in configDropins/defaults, which Liberty reads before server.xml:
    // a defaultValue of the same name there would silently win over the pom's.
    List<String> defaults =
        POM.properties(LOCAL).keySet().stream()
            .filter(name -> name.startsWith("liberty.defaultVar."))
            .map(name -> name.substring("liberty.defaultVar.".length()))
            .toList();
    assertThat(defaults).contains("uketsuke.cors.origins", "uketsuke.cursor.secret");
    assertThat(ServerConfig.variableNames()).doesNotContainAnyElementsOf(defaults);
  }

  @Test
  void theLocalStacksLibertyConfigLivesOutsideTheRuntimeThePluginMayReinstall() {
    // liberty:create uninstalls target/liberty/wlp when it finds an incomplete runtime there, as
    // on a fresh clone after the stack had written into it (the application then lacked
    // uketsuke.auth.web-clients and failed to start).
    Map<String, String> local = POM.properties(LOCAL);
    Path file = Path.of(Pom.resolved(local, "stack.liberty-config")).normalize();
    assertThat(file).isAbsolute();
    assertThat(file.startsWith(Manifests.PROJECT.resolve("target/liberty")))
        .as("%s", file)
        .isFalse();
    // ...and Liberty is told where it is, through a variable server.xml includes.
    assertThat(Pom.resolved(local, "liberty.bootstrap.uketsuke.local-stack.config"))
        .isEqualTo(file.toString());
    String location = "${uketsuke.local-stack.config}";
    assertThat(ServerConfig.optionalIncludes()).contains(location);
    // A variable declared after the include replaces the stack's value, defaultValue or not: the
    // issuer and JWKS URI went back to server.xml's defaults and every token got 401.
    assertThat(ServerConfig.variablesDeclaredAfterInclude(location)).isEmpty();
  }

  @Test
  void theTestBuildsStackWritesIntoItsServerOnlyAfterTheRuntimeIsCreated() {
    // The tests' stack still writes into configDropins/overrides of their server: safe only while
    // it starts in a later phase than the liberty:create of the package phase.
    Map<String, String> main = POM.properties();
    assertThat(Pom.resolved(main, "stack.liberty-config")).contains("/configDropins/overrides/");
    List<String> lifecycle = List.of("prepare-package", "package", "pre-integration-test");
    assertThat(lifecycle.indexOf(main.get("stack.phase")))
        .isGreaterThan(lifecycle.indexOf("package"));
    assertThat(POM.executions("liberty-maven-plugin"))
        .anySatisfy(
            e -> {
              assertThat(Pom.text(e, "phase")).isEqualTo("package");
              assertThat(Pom.texts(e, "goal")).contains("create");
            });
  }
}
