package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Counters summed in memory: nothing added while draining is lost or counted twice. */
class TalliesTest {

  @Test
  void sumsPerKeyAreTakenAwayByADrain() {
    Tallies<String> tallies = new Tallies<>(10);
    tallies.add("a", 1, 10);
    tallies.add("a", 1, 5);
    tallies.add("b", 1, 0);
    List<Tallies.Sum<String>> drained = tallies.drain();
    assertThat(drained).hasSize(2);
    assertThat(drained.stream().filter(s -> s.key().equals("a")).findFirst().orElseThrow().values())
        .containsExactly(2, 15);
    assertThat(tallies.drain()).isEmpty();
  }

  @Test
  void newKeysBeyondTheLimitAreRefusedButWaitingKeysStillCount() {
    Tallies<String> tallies = new Tallies<>(1);
    assertThat(tallies.add("a", 1)).isTrue();
    assertThat(tallies.add("b", 1)).isFalse();
    assertThat(tallies.add("a", 1)).isTrue();
    assertThat(tallies.drain().get(0).values()).containsExactly(2);
  }

  @Test
  void concurrentAddsDuringDrainsAreEachCountedOnce() throws Exception {
    Tallies<String> tallies = new Tallies<>(10);
    int threads = 4;
    int adds = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    AtomicBoolean adding = new AtomicBoolean(true);
    long[] drained = new long[1];
    Future<?> drainer =
        pool.submit(
            () -> {
              while (adding.get()) {
                tallies.drain().forEach(sum -> drained[0] += sum.values()[0]);
              }
            });
    List<Future<?>> adders =
        java.util.stream.IntStream.range(0, threads)
            .mapToObj(
                t ->
                    pool.submit(
                        () -> {
                          for (int i = 0; i < adds; i++) {
                            tallies.add("k" + (i % 3), 1);
                          }
                        }))
            .collect(java.util.stream.Collectors.toList());
    for (Future<?> adder : adders) {
      adder.get(30, TimeUnit.SECONDS);
    }
    adding.set(false);
    drainer.get(30, TimeUnit.SECONDS);
    tallies.drain().forEach(sum -> drained[0] += sum.values()[0]);
    pool.shutdown();
    assertThat(drained[0]).isEqualTo((long) threads * adds);
  }
}
