package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The per-tenant index cache: follows the FAQ version, checks it rarely, builds once, is bounded.
 */
class FaqIndexesTest {
  private final Map<String, Long> versions = new ConcurrentHashMap<>();
  private final Map<String, List<FaqItem>> faqs = new ConcurrentHashMap<>();
  private final AtomicInteger versionReads = new AtomicInteger();
  private final AtomicInteger loads = new AtomicInteger();
  private final AtomicLong now = new AtomicLong();
  private final Duration check = Duration.ofSeconds(2);

  private FaqIndexes indexes(int maxTenants) {
    return new FaqIndexes(
        tenant -> {
          versionReads.incrementAndGet();
          return versions.getOrDefault(tenant, 0L);
        },
        tenant -> {
          loads.incrementAndGet();
          return faqs.getOrDefault(tenant, List.of());
        },
        check,
        maxTenants,
        now::get);
  }

  @Test
  void aChangedVersionRebuildsTheIndexAfterTheCheckInterval() {
    FaqIndexes indexes = indexes(10);
    set("t", 1, "駐車場はありますか");
    assertThat(first(indexes, "駐車場")).isEqualTo("駐車場はありますか");

    set("t", 2, "駐車場は近くのコインパーキングをご利用ください");
    now.addAndGet(check.toNanos() - 1);
    assertThat(first(indexes, "駐車場")).isEqualTo("駐車場はありますか");

    now.addAndGet(1);
    assertThat(first(indexes, "駐車場")).isEqualTo("駐車場は近くのコインパーキングをご利用ください");
    assertThat(indexes.of("t").version()).isEqualTo(2);
    assertThat(loads).hasValue(2);
  }

  @Test
  void theVersionIsReadAtMostOncePerIntervalAndAnUnchangedVersionDoesNotRebuild() {
    FaqIndexes indexes = indexes(10);
    set("t", 7, "営業時間は何時から何時までですか");
    for (int i = 0; i < 100; i++) {
      indexes.of("t");
    }
    assertThat(versionReads).hasValue(1);

    now.addAndGet(check.toNanos());
    for (int i = 0; i < 100; i++) {
      indexes.of("t");
    }
    assertThat(versionReads).hasValue(2);
    assertThat(loads).hasValue(1);
  }

  @Test
  void aVersionReadByTheCallerIsTrustedAndOnlyAMovedVersionRebuilds() {
    FaqIndexes indexes = indexes(10);
    set("t", 3, "駐車場はありますか");
    for (int i = 0; i < 50; i++) {
      assertThat(indexes.of("t", 3).version()).isEqualTo(3);
    }
    assertThat(loads).hasValue(1);

    set("t", 4, "駐車場は近くのコインパーキングをご利用ください");
    assertThat(indexes.of("t", 4).topK("駐車場", 1).get(0).faq().question())
        .isEqualTo("駐車場は近くのコインパーキングをご利用ください");
    // A caller that read the version just before the change gets the newer index, not a rebuild.
    assertThat(indexes.of("t", 3).version()).isEqualTo(4);
    assertThat(loads).hasValue(2);
    assertThat(versionReads).hasValue(0);
  }

  @Test
  void mostUsedRanksByTheUseCountsReadWithTheIndexThenByQuestion() {
    FaqIndexes indexes =
        new FaqIndexes(
            tenant -> 1L,
            check,
            10,
            now::get,
            tenant ->
                new FaqIndex.Source(
                    List.of(item("a"), item("b"), item("c"), item("d")), Map.of("c", 5L, "d", 2L)));
    assertThat(indexes.of("t", 1).mostUsed(3))
        .extracting(match -> match.faq().question())
        .containsExactly("c", "d", "a");
  }

  @Test
  void concurrentCallersForOneTenantBuildItsIndexOnce() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    FaqIndexes indexes =
        new FaqIndexes(
            tenant -> 1L,
            tenant -> {
              loads.incrementAndGet();
              await(loading);
              return FaqCorpus.faq(500);
            },
            check,
            10,
            now::get);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<FaqIndex>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(pool.submit(() -> indexes.of("busy")));
      }
      Thread.sleep(200);
      loading.countDown();
      for (Future<FaqIndex> call : calls) {
        assertThat(call.get(10, TimeUnit.SECONDS).size()).isEqualTo(500);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(loads).hasValue(1);
  }

  @Test
  void onlyTheMostRecentlyUsedTenantsStayInMemory() {
    FaqIndexes indexes = indexes(2);
    set("a", 1, "a");
    set("b", 1, "b");
    set("c", 1, "c");
    indexes.of("a");
    indexes.of("b");
    indexes.of("a");
    indexes.of("c");
    assertThat(indexes.tenants()).isEqualTo(2);
    assertThat(loads).hasValue(3);

    indexes.of("a");
    assertThat(loads).hasValue(3);
    indexes.of("b");
    assertThat(loads).hasValue(4);
  }

  @Test
  void whenTheStoreFailsThePreviousIndexKeepsServing() {
    AtomicInteger calls = new AtomicInteger();
    FaqIndexes indexes =
        new FaqIndexes(
            tenant -> {
              if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("store down");
              }
              return 1L;
            },
            tenant -> List.of(item("駐車場はありますか")),
            check,
            10,
            now::get);
    assertThat(first(indexes, "駐車場")).isEqualTo("駐車場はありますか");
    now.addAndGet(check.toNanos());
    assertThat(first(indexes, "駐車場")).isEqualTo("駐車場はありますか");
    assertThat(calls).hasValue(2);
  }

  @Test
  void withoutAnIndexAStoreFailureReachesTheCaller() {
    FaqIndexes indexes =
        new FaqIndexes(
            tenant -> {
              throw new IllegalStateException("store down");
            },
            tenant -> List.of(),
            check,
            10,
            now::get);
    assertThatThrownBy(() -> indexes.of("t")).isInstanceOf(IllegalStateException.class);
  }

  private void set(String tenant, long version, String... questions) {
    versions.put(tenant, version);
    faqs.put(tenant, java.util.Arrays.stream(questions).map(FaqIndexesTest::item).toList());
  }

  private static String first(FaqIndexes indexes, String text) {
    return indexes.of("t").topK(text, 1).get(0).faq().question();
  }

  private static FaqItem item(String question) {
    return new FaqItem(question, "answer", null, null);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
