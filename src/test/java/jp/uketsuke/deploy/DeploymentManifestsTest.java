package jp.uketsuke.deploy;

import static jp.uketsuke.deploy.Manifests.at;
import static jp.uketsuke.deploy.Manifests.containers;
import static jp.uketsuke.deploy.Manifests.list;
import static jp.uketsuke.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EKS overlay, rendered by kustomize, meets what a platform team asks of a workload: the
 * restricted Pod Security Standard, probes on the health endpoints Liberty serves, bounded
 * resources, scaling and disruption rules, a closed network, and IAM by service account.
 */
class DeploymentManifestsTest {
  static final String OVERLAY = "k8s/overlays/eks";
  static final int HTTP_PORT = 9080;

  static Manifests eks;

  @BeforeAll
  static void render() {
    eks = Manifests.render(OVERLAY);
  }

  @Test
  void overlayRendersWithoutWarningsIntoTheServiceNamespace() {
    assertThat(eks.warnings).as("kustomize warnings").isBlank();
    for (Map<String, Object> o : eks.all()) {
      if (!"Namespace".equals(o.get("kind"))) {
        assertThat(at(o, "metadata", "namespace"))
            .as("namespace of %s", name(o))
            .isEqualTo("uketsuke");
      }
    }
    assertThat(at(eks.one("Namespace", "uketsuke"), "metadata", "labels"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
  }

  @Test
  void everyPodAndContainerRunsUnderTheRestrictedProfile() {
    assertThat(eks.podSpecs()).isNotEmpty();
    for (Map<String, Object> pod : eks.podSpecs()) {
      assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
      assertThat(at(pod, "securityContext", "runAsUser")).isNotEqualTo(0);
      assertThat(at(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
      assertThat(pod.get("hostNetwork")).isNotEqualTo(true);
      assertThat(pod.get("hostPID")).isNotEqualTo(true);
      for (Map<String, Object> volume : list(pod.get("volumes"))) {
        assertThat(volume).as("volume %s", volume.get("name")).doesNotContainKey("hostPath");
      }
      for (Map<String, Object> c : containers(pod)) {
        Map<String, Object> sc = map(c.get("securityContext"));
        assertThat(sc.get("runAsNonRoot")).as("%s runAsNonRoot", c.get("name")).isEqualTo(true);
        assertThat(sc.get("readOnlyRootFilesystem"))
            .as("%s read-only root", c.get("name"))
            .isEqualTo(true);
        assertThat(sc.get("allowPrivilegeEscalation"))
            .as("%s escalation", c.get("name"))
            .isEqualTo(false);
        assertThat(sc.get("privileged")).isNotEqualTo(true);
        assertThat(Manifests.values(at(sc, "capabilities", "drop")))
            .as("%s drops", c.get("name"))
            .contains("ALL");
        assertThat(at(sc, "capabilities", "add")).as("%s adds", c.get("name")).isNull();
        assertThat(at(sc, "seccompProfile", "type")).isEqualTo("RuntimeDefault");
      }
    }
  }

  @Test
  void libertyWritesOnlyToEmptyDirsAtItsOutputLogAndTempFolders() {
    Map<String, Object> pod = apiPod();
    Map<String, Object> api = apiContainer();
    Set<String> emptyDirs =
        Set.copyOf(
            list(pod.get("volumes")).stream()
                .filter(v -> v.containsKey("emptyDir"))
                .map(v -> (String) v.get("name"))
                .toList());
    List<String> writable =
        list(api.get("volumeMounts")).stream()
            .filter(m -> emptyDirs.contains(m.get("name")))
            .map(m -> (String) m.get("mountPath"))
            .toList();
    // WLP_OUTPUT_DIR and LOG_DIR of the official Open Liberty image, and the JVM's temp folder.
    assertThat(writable).containsExactlyInAnyOrder("/opt/ol/wlp/output", "/logs", "/tmp");
  }

  @Test
  void probesAskLibertysHealthEndpointsOnTheServingPort() {
    Map<String, Object> api = apiContainer();
    Map<String, Object> port = list(api.get("ports")).get(0);
    assertThat(port).containsEntry("containerPort", HTTP_PORT).containsEntry("name", "http");
    assertThat(probePath(api, "startupProbe")).isEqualTo("/health/started");
    assertThat(probePath(api, "livenessProbe")).isEqualTo("/health/live");
    assertThat(probePath(api, "readinessProbe")).isEqualTo("/health/ready");
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(at(api, probe, "httpGet", "port")).as(probe).isIn("http", HTTP_PORT);
      assertThat((Integer) at(api, probe, "timeoutSeconds")).as(probe).isBetween(1, 10);
      assertThat((Integer) at(api, probe, "failureThreshold")).as(probe).isGreaterThanOrEqualTo(3);
    }
    // The endpoints exist only while server.xml enables MicroProfile Health on that port.
    assertThat(ServerConfig.features()).anyMatch(f -> f.startsWith("mpHealth-"));
    assertThat(ServerConfig.httpPortDefault()).isEqualTo(String.valueOf(HTTP_PORT));
  }

  @Test
  void shutdownLetsInFlightRequestsFinish() {
    Map<String, Object> api = apiContainer();
    List<?> preStop = Manifests.values(at(api, "lifecycle", "preStop", "exec", "command"));
    assertThat(preStop).first().isEqualTo("sleep");
    int pause = Integer.parseInt(String.valueOf(preStop.get(1)));
    int libertyQuiesce = 30;
    assertThat(pause).isBetween(5, 20);
    assertThat((Integer) apiPod().get("terminationGracePeriodSeconds"))
        .isGreaterThan(pause + libertyQuiesce);
    assertThat(at(deployment(), "spec", "strategy", "rollingUpdate", "maxUnavailable"))
        .isEqualTo(0);
  }

  @Test
  void everyContainerHasRequestsAndLimits() {
    for (Map<String, Object> pod : eks.podSpecs()) {
      for (Map<String, Object> c : containers(pod)) {
        for (String bound : List.of("requests", "limits")) {
          assertThat(map(at(c, "resources", bound)))
              .as("%s %s", c.get("name"), bound)
              .containsKeys("cpu", "memory");
        }
      }
    }
  }

  @Test
  void podsSpreadOverZones() {
    List<Map<String, Object>> spread = list(apiPod().get("topologySpreadConstraints"));
    assertThat(spread).anyMatch(s -> "topology.kubernetes.io/zone".equals(s.get("topologyKey")));
  }

  @Test
  void atLeastTwoPodsAndOneDisruptionAtATime() {
    Map<String, Object> hpa = eks.ofKind("HorizontalPodAutoscaler").get(0);
    assertThat(at(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
    assertThat(at(hpa, "spec", "scaleTargetRef", "name"))
        .isEqualTo(at(deployment(), "metadata", "name"));
    assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
    assertThat(at(deployment(), "spec", "replicas")).as("the autoscaler owns replicas").isNull();
    Map<String, Object> pdb = eks.ofKind("PodDisruptionBudget").get(0);
    assertThat(map(at(pdb, "spec", "selector", "matchLabels"))).isEqualTo(podSelector());
  }

  @Test
  void networkPolicyAdmitsOnlyTheLoadBalancerVoiceServerAndPrometheus() {
    Map<String, Object> policy = eks.ofKind("NetworkPolicy").get(0);
    assertThat(map(at(policy, "spec", "podSelector", "matchLabels"))).isEqualTo(podSelector());
    assertThat(Manifests.values(at(policy, "spec", "policyTypes")))
        .containsExactlyInAnyOrder("Ingress", "Egress");
    List<Map<String, Object>> ingress = list(at(policy, "spec", "ingress"));
    List<String> namespaces =
        ingress.stream()
            .flatMap(rule -> list(rule.get("from")).stream())
            .filter(peer -> peer.containsKey("namespaceSelector"))
            .map(
                peer ->
                    (String)
                        at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
            .toList();
    assertThat(namespaces).containsExactlyInAnyOrder("voice", "monitoring");
    assertThat(ingress.stream().flatMap(rule -> list(rule.get("from")).stream()))
        .allMatch(peer -> peer.containsKey("namespaceSelector") || peer.containsKey("ipBlock"))
        .anyMatch(peer -> peer.containsKey("ipBlock"));
    for (Map<String, Object> rule : ingress) {
      assertThat(list(rule.get("ports"))).extracting(p -> p.get("port")).containsOnly(HTTP_PORT);
    }
    List<Object> egressPorts =
        list(at(policy, "spec", "egress")).stream()
            .flatMap(rule -> list(rule.get("ports")).stream())
            .map(p -> p.get("port"))
            .toList();
    assertThat(egressPorts).containsOnly(53, 443);
  }

  /**
   * Egress to "anywhere" means the public internet: never the VPC, other pods, carrier-grade NAT
   * space or link-local addresses (the instance metadata service), whatever URL the service is made
   * to call.
   */
  @Test
  void egressToTheInternetExcludesPrivateSharedAndLinkLocalRanges() {
    Map<String, Object> policy = eks.ofKind("NetworkPolicy").get(0);
    List<Map<String, Object>> egress = list(at(policy, "spec", "egress"));
    assertThat(egress).allSatisfy(rule -> assertThat(list(rule.get("to"))).isNotEmpty());
    List<Map<String, Object>> blocks =
        egress.stream()
            .flatMap(rule -> list(rule.get("to")).stream())
            .filter(peer -> peer.containsKey("ipBlock"))
            .map(peer -> map(peer.get("ipBlock")))
            .toList();
    assertThat(blocks).extracting(b -> b.get("cidr")).contains("0.0.0.0/0");
    for (Map<String, Object> block : blocks) {
      if ("0.0.0.0/0".equals(block.get("cidr"))) {
        assertThat(Manifests.values(block.get("except")))
            .containsExactlyInAnyOrder(
                "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16");
      }
    }
    // A rule added later (a VPC endpoint, NodeLocal DNSCache at 169.254.20.10) must not open the
    // instance metadata service again.
    assertThat(blocks)
        .as("egress blocks that reach the instance metadata service")
        .noneMatch(b -> reaches(b, "169.254.169.254"));
  }

  /** Whether an ipBlock lets traffic to this IPv4 address through. */
  static boolean reaches(Map<String, Object> block, String ip) {
    return covers((String) block.get("cidr"), ip)
        && Manifests.values(block.get("except")).stream()
            .noneMatch(e -> covers(String.valueOf(e), ip));
  }

  static boolean covers(String cidr, String ip) {
    if (!cidr.contains(".")) {
      return false;
    }
    String[] parts = cidr.split("/");
    int bits = parts.length == 1 ? 32 : Integer.parseInt(parts[1]);
    long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
    return (ipv4(parts[0]) & mask) == (ipv4(ip) & mask);
  }

  private static long ipv4(String address) {
    long value = 0;
    for (String octet : address.split("\\.")) {
      value = value << 8 | Integer.parseInt(octet);
    }
    return value;
  }

  @Test
  void serviceAccountCarriesAnIamRoleForIrsa() {
    Map<String, Object> account =
        eks.one("ServiceAccount", (String) apiPod().get("serviceAccountName"));
    assertThat((String) at(account, "metadata", "annotations", "eks.amazonaws.com/role-arn"))
        .matches("arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]+");
  }

  @Test
  void imagesArePinned() {
    for (Map<String, Object> pod : eks.podSpecs()) {
      for (Map<String, Object> c : containers(pod)) {
        String image = (String) c.get("image");
        assertThat(image).as("image of %s", c.get("name")).doesNotEndWith(":latest");
        String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
        assertThat(afterRegistry).as("tag or digest of %s", image).containsAnyOf(":", "@sha256:");
      }
    }
  }

  @Test
  void prometheusScrapesMetricsOnTheServingPort() {
    Map<String, Object> annotations =
        map(at(deployment(), "spec", "template", "metadata", "annotations"));
    assertThat(annotations)
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", String.valueOf(HTTP_PORT))
        .containsEntry("prometheus.io/path", "/metrics");
  }

  @Test
  void albServesHttpsChecksReadinessAndKeepsMetricsPrivate() {
    Map<String, Object> ingress = eks.ofKind("Ingress").get(0);
    assertThat(at(ingress, "spec", "ingressClassName")).isEqualTo("alb");
    Map<String, Object> annotations = map(at(ingress, "metadata", "annotations"));
    assertThat(annotations)
        .containsEntry("alb.ingress.kubernetes.io/healthcheck-path", "/health/ready")
        .containsEntry("alb.ingress.kubernetes.io/listen-ports", "[{\"HTTPS\":443}]")
        .containsKey("alb.ingress.kubernetes.io/certificate-arn");
    List<Map<String, Object>> paths =
        list(at(list(at(ingress, "spec", "rules")).get(0), "http", "paths"));
    assertThat(paths)
        .filteredOn(p -> "/metrics".equals(p.get("path")))
        .extracting(p -> at(p, "backend", "service", "name"))
        .containsExactly("not-public");
  }

  private static Map<String, Object> deployment() {
    return eks.one("Deployment", "uketsuke");
  }

  private static Map<String, Object> apiPod() {
    return map(at(deployment(), "spec", "template", "spec"));
  }

  private static Map<String, Object> apiContainer() {
    return containers(apiPod()).stream()
        .filter(c -> "api".equals(c.get("name")))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> podSelector() {
    return map(at(deployment(), "spec", "selector", "matchLabels"));
  }

  private static String probePath(Map<String, Object> container, String probe) {
    return (String) at(container, probe, "httpGet", "path");
  }

  private static String name(Map<String, Object> o) {
    return o.get("kind") + "/" + at(o, "metadata", "name");
  }
}
