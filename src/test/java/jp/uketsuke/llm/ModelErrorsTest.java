package jp.uketsuke.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HTTP errors of the model server become the types Fault Tolerance retries, or does not. */
class ModelErrorsTest {

  @Test
  void rateLimitsAndServerErrorsAreRetryableTypesAndOtherClientErrorsAreRejections() {
    ModelErrors errors = new ModelErrors();
    assertThat(errors.handles(200, null)).isFalse();
    assertThat(errors.handles(429, null)).isTrue();
    assertThat(ModelErrors.forStatus(429)).isInstanceOf(ModelException.RateLimited.class);
    assertThat(ModelErrors.forStatus(503)).isInstanceOf(ModelException.Unavailable.class);
    assertThat(ModelErrors.forStatus(401))
        .isInstanceOf(ModelException.Rejected.class)
        .extracting(ModelException::status)
        .isEqualTo(401);
  }
}
