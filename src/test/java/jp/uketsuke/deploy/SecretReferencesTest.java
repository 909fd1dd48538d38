package jp.uketsuke.deploy;

import static jp.uketsuke.deploy.Manifests.at;
import static jp.uketsuke.deploy.Manifests.containers;
import static jp.uketsuke.deploy.Manifests.list;
import static jp.uketsuke.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets are referenced, never written down: nothing under {@code k8s/} holds a key or a secret
 * value, and every secret the pods read is declared, key by key, by an ExternalSecret of the
 * overlay or by the documented {@code kubectl create secret} of docs/deploy.md.
 */
class SecretReferencesTest {
  private static final Pattern SECRET_LIKE =
      Pattern.compile(
          "AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}|aws_secret_access_key|aws_access_key_id"
              + "|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|-----BEGIN [A-Z ]*PRIVATE KEY-----"
              + "|sk-[A-Za-z0-9_-]{20,}|\\bAC[0-9a-f]{32}\\b");
  private static final Pattern SECRET_KIND = Pattern.compile("(?m)^kind:\\s*Secret\\s*$");
  private static final Pattern SECRET_DATA = Pattern.compile("(?m)^\\s*(data|stringData):");
  private static final Pattern CREATE_SECRET =
      Pattern.compile(
          "kubectl[^\\n]*create secret generic ([a-z0-9-]+)((?:[^\\n]*\\\\\\n)*[^\\n]*)");
  private static final Pattern LITERAL_KEY = Pattern.compile("--from-literal=([A-Za-z0-9._-]+)=");

  static Manifests eks;

  @BeforeAll
  static void render() {
    eks = Manifests.render(DeploymentManifestsTest.OVERLAY);
  }

  @Test
  void noFileUnderK8sHoldsCredentialsOrSecretValues() throws IOException {
    try (Stream<Path> files = Files.walk(Manifests.PROJECT.resolve("k8s"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file);
        assertThat(SECRET_LIKE.matcher(text).find()).as("secret-like text in %s", file).isFalse();
        if (SECRET_KIND.matcher(text).find()) {
          assertThat(SECRET_DATA.matcher(text).find())
              .as("a Secret with data in %s", file)
              .isFalse();
        }
      }
    }
  }

  @Test
  void noSecretIsRenderedAndNoSecretTravelsAsPlainValue() {
    assertThat(eks.ofKind("Secret")).as("Secrets with data in the manifests").isEmpty();
    for (Map<String, Object> configMap : eks.ofKind("ConfigMap")) {
      assertThat(map(configMap.get("data")).keySet())
          .noneMatch(key -> key.matches("(?i).*(SECRET|PASSWORD|TOKEN|API_KEY|ACCESS_KEY).*"));
    }
    for (Map<String, Object> pod : eks.podSpecs()) {
      for (Map<String, Object> c : containers(pod)) {
        for (Map<String, Object> env : list(c.get("env"))) {
          if (String.valueOf(env.get("name")).matches("(?i).*(SECRET|PASSWORD|TOKEN|API_KEY).*")) {
            assertThat(env).as("env %s", env.get("name")).doesNotContainKey("value");
          }
        }
      }
    }
  }

  @Test
  void everySecretReferenceNamesADeclaredKey() throws IOException {
    Map<String, Set<String>> declared = declaredSecrets();
    int references = 0;
    for (Map<String, Object> pod : eks.podSpecs()) {
      for (Map<String, Object> c : containers(pod)) {
        for (Map<String, Object> env : list(c.get("env"))) {
          Map<String, Object> ref = map(at(env, "valueFrom", "secretKeyRef"));
          if (!ref.isEmpty()) {
            references++;
            assertThat(declared.getOrDefault((String) ref.get("name"), Set.of()))
                .as("secret key %s/%s of %s", ref.get("name"), ref.get("key"), env.get("name"))
                .contains((String) ref.get("key"));
          }
        }
        for (Map<String, Object> from : list(c.get("envFrom"))) {
          Object secret = at(from, "secretRef", "name");
          if (secret != null) {
            references++;
            assertThat(declared).as("secret %s", secret).containsKey((String) secret);
          }
        }
      }
      for (Map<String, Object> volume : list(pod.get("volumes"))) {
        Object secret = at(volume, "secret", "secretName");
        if (secret != null) {
          references++;
          assertThat(declared).as("secret %s", secret).containsKey((String) secret);
        }
      }
    }
    assertThat(references).as("the cursor secret at least").isPositive();
  }

  @Test
  void externalSecretsReadThroughARenderedStore() {
    for (Map<String, Object> external : eks.ofKind("ExternalSecret")) {
      String store = (String) at(external, "spec", "secretStoreRef", "name");
      assertThat(eks.one("SecretStore", store)).isNotNull();
    }
  }

  /** Secret name to keys: from the overlay's ExternalSecrets and the deploy guide. */
  private static Map<String, Set<String>> declaredSecrets() throws IOException {
    Map<String, Set<String>> declared = new HashMap<>();
    for (Map<String, Object> external : eks.ofKind("ExternalSecret")) {
      String target = (String) at(external, "spec", "target", "name");
      String name = target != null ? target : (String) at(external, "metadata", "name");
      Set<String> keys = declared.computeIfAbsent(name, n -> new HashSet<>());
      list(at(external, "spec", "data")).forEach(d -> keys.add((String) d.get("secretKey")));
    }
    String guide = Files.readString(Manifests.PROJECT.resolve("docs/deploy.md"));
    Matcher command = CREATE_SECRET.matcher(guide);
    while (command.find()) {
      Set<String> keys = declared.computeIfAbsent(command.group(1), n -> new HashSet<>());
      Matcher key = LITERAL_KEY.matcher(command.group(2));
      while (key.find()) {
        keys.add(key.group(1));
      }
    }
    return declared;
  }
}
