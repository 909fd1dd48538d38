package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The started server's log folder ({@code it.liberty.logs}): console.log in JSON (the test-only
 * logging.xml, as the container image writes its console), the access log, console output and FFDC
 * reports, read as they are on disk.
 */
final class ServerLogs {
  private ServerLogs() {}

  static Path folder() {
    String value = System.getProperty("it.liberty.logs");
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("it.liberty.logs is not set: run through mvn verify");
    }
    return Path.of(value);
  }

  /** Every JSON record of console.log (lines written before JSON logging began are skipped). */
  static List<JsonObject> records() {
    List<JsonObject> records = new ArrayList<>();
    for (String line : lines(folder().resolve("console.log"))) {
      if (line.startsWith("{")) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
          records.add(reader.readObject());
        } catch (JsonParsingException e) {
          // a line being written right now
        }
      }
    }
    return records;
  }

  /** Waits until console.log holds a record that {@code wanted} accepts; Liberty writes async. */
  static List<JsonObject> awaitRecords(Predicate<JsonObject> wanted, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<JsonObject> records = records();
      if (records.stream().anyMatch(wanted)) {
        return records;
      }
      if (System.nanoTime() > deadline) {
        fail("console.log never showed %s", what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The text of every file in the log folder and below it (messages, console, access, ffdc). */
  static List<Path> files() {
    try (Stream<Path> files = Files.walk(folder())) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(Path file) {
    try {
      return Files.exists(file)
          ? List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\R", -1))
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
