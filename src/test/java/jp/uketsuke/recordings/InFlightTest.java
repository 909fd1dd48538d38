package jp.uketsuke.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Identical work in flight is done once; nothing outlives it, failures least of all. */
class InFlightTest {
  private final InFlight<String, String> inFlight = new InFlight<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void callersOfOneKeyWhileItRunsShareOneComputationAndItsValue() throws Exception {
    AtomicInteger computations = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    Future<String> first =
        pool.submit(
            () ->
                inFlight.share(
                    "k",
                    () -> {
                      computations.incrementAndGet();
                      await(release);
                      return "value";
                    }));
    awaitRunning(1);
    List<Future<String>> joined = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      joined.add(pool.submit(() -> inFlight.share("k", () -> "recomputed")));
    }
    Thread.sleep(100);
    release.countDown();

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("value");
    for (Future<String> join : joined) {
      assertThat(join.get(5, TimeUnit.SECONDS)).isEqualTo("value");
    }
    assertThat(computations).hasValue(1);
    assertThat(inFlight.size()).isZero();
  }

  @Test
  void differentKeysDoNotWaitForEachOther() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<String> slow =
        pool.submit(
            () ->
                inFlight.share(
                    "slow",
                    () -> {
                      await(release);
                      return "slow";
                    }));
    awaitRunning(1);

    assertThat(inFlight.share("fast", () -> "fast")).isEqualTo("fast");
    release.countDown();
    assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("slow");
  }

  @Test
  void aFailureReachesEveryoneWhoWaitedAndIsNotKeptForTheNextCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    IllegalStateException failure = new IllegalStateException("upstream failed");
    Future<String> first =
        pool.submit(
            () ->
                inFlight.share(
                    "k",
                    () -> {
                      await(release);
                      throw failure;
                    }));
    awaitRunning(1);
    Future<String> joined = pool.submit(() -> inFlight.share("k", () -> "not asked"));
    Thread.sleep(100);
    release.countDown();

    assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCause(failure);
    assertThatThrownBy(() -> joined.get(5, TimeUnit.SECONDS)).hasCause(failure);
    assertThat(inFlight.size()).isZero();
    assertThat(inFlight.share("k", () -> "tried again")).isEqualTo("tried again");
  }

  @Test
  void aValueIsNotKeptEither() {
    assertThat(inFlight.share("k", () -> "one")).isEqualTo("one");
    assertThat(inFlight.share("k", () -> "two")).isEqualTo("two");
  }

  private void awaitRunning(int computations) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (inFlight.size() < computations) {
      assertThat(System.nanoTime()).as("computation started").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
