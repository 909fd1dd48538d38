package jp.uketsuke.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second Liberty server in the build's installation ({@code it.wlp.home}), configured like the
 * shared test server (its server.xml, jvm.options, server.env and every configuration override but
 * Arquillian's, the same WAR) but on its own free port, so a test may stop it while the shared one
 * keeps serving.
 */
public final class SecondServer {
  private final Path wlp;
  private final String name;
  final int port;

  private SecondServer(Path wlp, String name, int port) {
    this.wlp = wlp;
    this.name = name;
    this.port = port;
  }

  /**
   * @param overrides extra Liberty variables for this server only
   */
  public static SecondServer create(String name, Map<String, String> overrides) throws IOException {
    Path wlp = Path.of(required("it.wlp.home"));
    Path sharedServer = Path.of(required("it.liberty.logs")).getParent();
    SecondServer server = new SecondServer(wlp, name, freePort());
    Path dir = server.dir();
    deleteTree(dir);
    server.command(Duration.ofMinutes(2), "create", name);
    for (String file : List.of("server.xml", "jvm.options", "server.env")) {
      Files.copy(
          sharedServer.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.createDirectories(dir.resolve("apps"));
    Files.copy(
        sharedServer.resolve("apps/uketsuke.war"),
        dir.resolve("apps/uketsuke.war"),
        StandardCopyOption.REPLACE_EXISTING);
    Path dropins = Files.createDirectories(dir.resolve("configDropins/overrides"));
    // Every override of the shared server (its webhook, ext-tool, phone and chat settings: a pod
    // configured differently would, for one, refuse the test receivers' plain-http deliveries it
    // takes from the shared queue), except Arquillian's deployment connector.
    try (Stream<Path> files = Files.list(sharedServer.resolve("configDropins/overrides"))) {
      for (Path file : files.filter(SecondServer::copiedOverride).toList()) {
        Files.copy(file, dropins.resolve(file.getFileName()));
      }
    }
    StringBuilder xml = new StringBuilder("<server>\n");
    xml.append("  <variable name=\"http.port\" value=\"").append(server.port).append("\"/>\n");
    overrides.forEach(
        (key, value) ->
            xml.append("  <variable name=\"")
                .append(key)
                .append("\" value=\"")
                .append(value)
                .append("\"/>\n"));
    xml.append("</server>\n");
    // Overrides apply in name order: this one comes last and wins.
    Files.writeString(dropins.resolve("zz-second-server.xml"), xml, StandardCharsets.UTF_8);
    return server;
  }

  private static boolean copiedOverride(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".xml") && !name.equals("arquillian.xml") && !name.startsWith("zz-");
  }

  Path dir() {
    return wlp.resolve("usr/servers").resolve(name);
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Starts the server and waits until the application reports ready. */
  public void start(Duration timeout) throws IOException, InterruptedException {
    command(timeout, "start", name);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        var ready =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " did not become ready within " + timeout);
  }

  /**
   * Sends SIGTERM to the server's JVM, as the kubelet does to a container's main process when a pod
   * is deleted; Liberty's shutdown hook then stops the server, quiesce stage included.
   *
   * @return completes when the JVM has exited
   */
  CompletableFuture<ProcessHandle> terminate() throws IOException {
    Path pidFile = wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle jvm =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("no process " + pid + " for " + name));
    if (!jvm.destroy()) {
      throw new IllegalStateException("could not send SIGTERM to " + pid);
    }
    return jvm.onExit();
  }

  /** Makes sure nothing is left running, whatever the test did. */
  public void forceStop() {
    try {
      command(Duration.ofMinutes(1), "stop", name, "--force");
    } catch (Exception e) {
      // already stopped
    }
  }

  Path messagesLog() {
    return dir().resolve("logs/messages.log");
  }

  private void command(Duration timeout, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(wlp.resolve("bin/server").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      if (process.exitValue() != 0 && !"stop".equals(args[0])) {
        throw new IllegalStateException(command + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(property + " is not set: run through mvn verify");
    }
    return value;
  }
}
