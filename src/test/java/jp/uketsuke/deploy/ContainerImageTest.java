package jp.uketsuke.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile follows the official Open Liberty pattern and ships nothing but the server
 * configuration and the WAR. No Docker engine runs here, so the file itself is what is checked.
 */
class ContainerImageTest {
  private static final Pattern FROM =
      Pattern.compile(
          "(?m)^FROM\\s+(icr\\.io/appcafe/open-liberty|(?:docker\\.io/)?openliberty/open-liberty)"
              + ":(\\S+)\\s*$");

  @Test
  void buildsOnAPinnedOfficialOpenLibertyKernelImage() throws IOException {
    Matcher from = FROM.matcher(dockerfile());
    assertThat(from.find()).as("FROM an official Open Liberty image").isTrue();
    String tag = from.group(2);
    assertThat(tag).isNotEqualTo("latest").contains("kernel-slim").contains("java17");
    assertThat(tag)
        .as("the Liberty version the build tests with")
        .startsWith(libertyVersion() + "-");
    assertThat(Pattern.compile("(?m)^FROM\\s").matcher(dockerfile()).results().count()).isOne();
  }

  @Test
  void followsTheConfigurationFeaturesWarConfigureOrder() throws IOException {
    List<String> steps =
        dockerfile()
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("COPY") || l.startsWith("RUN"))
            .toList();
    assertThat(steps)
        .containsExactly(
            "COPY --chown=1001:0 liberty/ /config/",
            "RUN features.sh",
            "COPY --chown=1001:0 target/uketsuke.war /config/apps/",
            "RUN configure.sh");
  }

  @Test
  void runsAsANonRootUser() throws IOException {
    List<String> users =
        dockerfile().lines().map(String::strip).filter(l -> l.startsWith("USER ")).toList();
    assertThat(users).isNotEmpty();
    String last = users.get(users.size() - 1).substring("USER ".length()).strip();
    assertThat(last).matches("[1-9][0-9]*(:[0-9]+)?");
  }

  @Test
  void copiesNoLocalStackOrSecrets() throws IOException {
    String file = dockerfile();
    assertThat(file).doesNotContainPattern("(?m)^ADD\\s");
    assertThat(file.lines().filter(l -> l.strip().startsWith("COPY")))
        .noneMatch(l -> l.matches(".*(\\slocal/|\\.local|it-stack|\\.env|secret|\\.pem|\\.key).*"));
    assertThat(file).doesNotContainPattern("(?i)(ENV|ARG)\\s+\\S*(SECRET|PASSWORD|TOKEN|API_KEY)");
  }

  @Test
  void logsJsonToTheConsole() throws IOException {
    assertThat(dockerfile())
        .contains("WLP_LOGGING_CONSOLE_FORMAT=JSON")
        .contains("WLP_LOGGING_CONSOLE_LOGLEVEL=info")
        .contains("WLP_LOGGING_CONSOLE_SOURCE=message,trace,accessLog,ffdc,audit");
  }

  @Test
  void heapFollowsTheContainerMemoryLimit() throws IOException {
    List<String> options = Files.readAllLines(Manifests.PROJECT.resolve("liberty/jvm.options"));
    assertThat(options).anyMatch(o -> o.startsWith("-XX:MaxRAMPercentage="));
    assertThat(options)
        .as("a fixed heap would ignore the limit")
        .noneMatch(o -> o.startsWith("-Xmx"));
  }

  @Test
  void dockerignoreKeepsLocalDataOutOfTheBuildContext() throws IOException {
    List<String> ignored =
        Files.readAllLines(Manifests.PROJECT.resolve(".dockerignore")).stream()
            .map(String::strip)
            .toList();
    assertThat(ignored).contains("target/it-stack", ".local", "local/node_modules", ".git");
  }

  private static String dockerfile() throws IOException {
    return Files.readString(Manifests.PROJECT.resolve("Dockerfile"));
  }

  private static String libertyVersion() {
    try {
      var pom =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(Manifests.PROJECT.resolve("pom.xml").toFile());
      return pom.getElementsByTagName("version.openliberty").item(0).getTextContent().trim();
    } catch (Exception e) {
      throw new AssertionError("cannot read version.openliberty from pom.xml", e);
    }
  }
}
