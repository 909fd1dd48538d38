package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the problem mapper writes about a failure: never a caller's phone number in clear. */
class ProblemMapperLogTest {
  private static final String PHONE = "+819012345678";
  private static final String MASKED = PhoneMask.mask(PHONE);

  private final Logger logger = Logger.getLogger(ProblemMapper.class.getName());
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(handler);
  }

  @Test
  void aWarningAboutAFailureMasksThePhoneNumberInItsMessage() {
    ProblemMapper.log(
        Level.WARNING,
        "request r1: DynamoDB unavailable",
        new IllegalStateException("no item client_id=t1, phone=" + PHONE));

    LogRecord record = onlyRecord();
    assertThat(record.getLevel()).isEqualTo(Level.WARNING);
    assertThat(record.getMessage())
        .startsWith("request r1: DynamoDB unavailable: java.lang.IllegalStateException")
        .contains("phone=" + MASKED)
        .doesNotContain(PHONE, "9012345678");
    assertThat(record.getThrown()).isNull();
  }

  @Test
  void anUnexpectedFailureKeepsItsStackTraceWithNumbersMaskedInEveryCause() {
    RuntimeException failure =
        new RuntimeException(
            "GET /callers/" + PHONE + " failed",
            new IllegalArgumentException("key " + PHONE + " is not valid"));

    ProblemMapper.log(Level.SEVERE, "request r2 failed", failure);

    LogRecord record = onlyRecord();
    assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
    assertThat(record.getMessage())
        .contains("/callers/" + MASKED, "key " + MASKED, "Caused by:", getClass().getName())
        .doesNotContain(PHONE, "9012345678");
    assertThat(record.getThrown()).as("the raw texts would be printed by the handler").isNull();
  }

  private LogRecord onlyRecord() {
    assertThat(records).hasSize(1);
    return records.get(0);
  }
}
