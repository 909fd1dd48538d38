package jp.uketsuke.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.uketsuke.testing.RawDynamo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The claim that keeps two pods from ending one idle call, against the stack's real dynalite:
 * claimers racing for one open call (as the sweeps of several pods do) get exactly one winner; a
 * newer turn voids the view a claim was made on; a claim whose pod stopped expires for the next.
 */
class OpenCallsIT {
  private final String tenant = "open-" + UUID.randomUUID().toString().substring(0, 8);
  private final String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
  private final OpenCalls open = openCalls();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void eightClaimersRacingForOneIdleCallGetExactlyOneWinner() throws Exception {
    Instant lastTurn = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
    open.seen(tenant, callSid, lastTurn);
    OpenCalls.Open call = mine(open.idleSince(Instant.now(), 10_000));
    assertThat(call.last()).isEqualTo(lastTurn);

    for (int round = 0; round < 5; round++) {
      Instant now =
          Instant.now().plus(Duration.ofHours(round)); // each round after the last's claim
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        claims.add(
            pool.submit(
                () -> {
                  go.await();
                  return open.claim(call, now, now.plus(IdleCalls.CLAIM));
                }));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> claim : claims) {
        won += claim.get() ? 1 : 0;
      }
      assertThat(won).as("winners of round " + round).isEqualTo(1);
    }
  }

  @Test
  void aNewerTurnVoidsTheViewAndAnExpiredClaimCanBeTakenOver() {
    Instant now = Instant.now();
    open.seen(tenant, callSid, now.minusSeconds(120));
    OpenCalls.Open seen = mine(open.idleSince(now, 10_000));

    assertThat(open.claim(seen, now, now.plusSeconds(60))).isTrue();
    assertThat(open.claim(seen, now.plusSeconds(30), now.plusSeconds(90)))
        .as("while the first claim holds")
        .isFalse();
    assertThat(open.claim(seen, now.plusSeconds(61), now.plusSeconds(120)))
        .as("after it expired (its pod stopped)")
        .isTrue();

    open.seen(tenant, callSid, now.minusSeconds(10));
    assertThat(open.claim(seen, now.plusSeconds(200), now.plusSeconds(300)))
        .as("a claim on the view before the newer turn")
        .isFalse();
    assertThat(mine(open.idleSince(now, 10_000)).last()).isAfter(seen.last());

    open.close(tenant, callSid);
    assertThat(open.idleSince(now, 10_000)).noneMatch(c -> c.callSid().equals(callSid));
  }

  private OpenCalls.Open mine(List<OpenCalls.Open> calls) {
    return calls.stream()
        .filter(c -> c.tenantId().equals(tenant) && c.callSid().equals(callSid))
        .findFirst()
        .orElseThrow();
  }

  /** The repository itself, on the stack's table, outside the server. */
  private static OpenCalls openCalls() {
    OpenCalls open =
        new OpenCalls() {
          @Override
          String table() {
            return RawDynamo.table("callSummaries");
          }
        };
    open.dynamoDb = RawDynamo.client();
    open.idleEnd = Duration.ofMinutes(10);
    return open;
  }
}
