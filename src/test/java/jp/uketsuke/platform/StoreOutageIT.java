package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntPredicate;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.StoreFaults;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB goes away and comes back while Liberty keeps running: readiness follows it, requests
 * fail fast with a retryable 503, and the service recovers by itself.
 */
class StoreOutageIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @AfterEach
  void bringDynamoBack() throws Exception {
    StoreFaults.start();
  }

  @Test
  void readinessFollowsDynamoDbAndTheServiceRecoversWithoutRestart() throws Exception {
    Api owner = Api.as(Tokens.person("outage"));
    owner.put("/prompt", "{\"content\": \"before the outage\"}").ok();

    StoreFaults.stop();
    assertThat(awaitReadiness(status -> status == 503)).isEqualTo(503);
    var during = owner.get("/prompt");
    during.problem(503);
    assertThat(during.header("Retry-After")).isNotBlank();

    StoreFaults.start();
    assertThat(awaitReadiness(status -> status == 200)).isEqualTo(200);
    assertThat(owner.get("/prompt").ok().getString("content")).isEqualTo("before the outage");
  }

  private static int awaitReadiness(IntPredicate wanted) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    int status;
    do {
      status = Api.anonymous().get("/health/ready").status();
      if (wanted.test(status)) {
        return status;
      }
      Thread.sleep(250);
    } while (Instant.now().isBefore(deadline));
    return status;
  }
}
