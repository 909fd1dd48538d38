package jp.uketsuke.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.uketsuke.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark harness from rotting: runs {@code bench/run} in its smallest sizes against
 * the server and local stack this build started, and checks that it wrote a report with every
 * table. It asserts nothing about speed; the figures are read, not tested.
 */
class BenchHarnessIT {
  private static final long TIMEOUT_SECONDS = 240;

  @Test
  void smokeRunAgainstTheStartedServerWritesAReportWithEveryMeasurement() throws Exception {
    Path project = Path.of(System.getProperty("it.project.dir"));
    Path report = project.resolve("target/benchmarks-quick.md");
    Path log = project.resolve("target/bench/BenchHarnessIT.log");
    Files.createDirectories(log.getParent());
    Files.deleteIfExists(report);

    Process run =
        new ProcessBuilder(
                "bash",
                "bench/run",
                "--quick",
                "--smoke",
                "--reuse",
                Api.baseUrl(),
                "--stack-file",
                System.getProperty("it.stack.file"),
                "--out",
                report.toString())
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = run.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      run.descendants().forEach(ProcessHandle::destroy);
      run.destroy();
    }

    assertThat(finished)
        .as("bench/run finished in %d s; log:%n%s", TIMEOUT_SECONDS, tail(log))
        .isTrue();
    assertThat(run.exitValue()).as("exit status of bench/run; log:%n%s", tail(log)).isZero();
    assertThat(Files.readString(report))
        .contains(
            "# Benchmarks",
            "## 1. Server start to `/health/ready` UP",
            "## 2. Resident memory (RSS) of the Liberty JVM",
            "## 3. `GET /faq/{q}` vs the reference service",
            "Same answer from both (status and JSON): yes.",
            "| connections | side | runs | p50 ms | p90 ms | p99 ms | req/s | errors |",
            "| side | server JVM (Liberty or reference) | dynalite | model stub | load generator (wrk) |",
            "| reference, 1 connections |",
            "## 4. `POST /chat` with an instantly answering model stub",
            "| p50 service − reference |",
            "CPU per turn, milliseconds",
            "| store calls per turn (most of",
            "## 5. FAQ retrieval at 10, 10³, 10⁴ FAQs",
            "| FAQs | `GET /faqs/search` p50 ms |",
            "| prompt with retrieval / all 100 FAQs pasted |",
            "## 6. `/calls` newest page and `/phones` as the call log grows",
            "| route | turns | runs | p50 ms |",
            "## 7. `GET /faqs/gaps?days=30` at",
            "| tenant | distinct wordings | request | runs | requests | p50 ms |");
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
