package jp.uketsuke.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.uketsuke.platform.ApiException;
import org.junit.jupiter.api.Test;

class TaskWritesTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  /** As the voice server writes it: text date, unnormalised phone, no address, no status. */
  private static final Task SPOKEN =
      new Task(
          "佐藤様",
          "+81 90-1111-2222",
          null,
          "来週のどこか",
          null,
          "剪定",
          "requested",
          null,
          null,
          "2026-12-04T14:05:00.123456+00:00",
          "2026-12-04T14:05:00.123456+00:00");

  @Test
  void fieldsSentBackAsStoredAreNoChangeSoOnlyTheChangedOneIsWritten() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("phone_number", "+81 90-1111-2222");
    form.put("address", "");
    form.put("start_datetime", "来週のどこか");
    form.put("request", "剪定と消毒");
    form.put("status", "");

    Map<String, String> values = TaskWrites.forUpdate(SPOKEN, new TaskChanges(form), TOKYO, TODAY);

    Map<String, String> expected = new HashMap<>();
    expected.put("request", "剪定と消毒");
    expected.put("start_at", null);
    assertThat(values).isEqualTo(expected);
  }

  @Test
  void aNewStartIsReadRelativeToTheDayTheTaskWasCreatedAndStoredBesideIt() {
    Map<String, String> values =
        TaskWrites.forUpdate(
            SPOKEN, TaskChanges.of("start_datetime", " 1月8日 午前10時 "), TOKYO, TODAY);

    assertThat(values)
        .containsEntry("start_datetime", "1月8日 午前10時")
        .containsEntry("start_at", "2027-01-08T10:00:00+09:00");
  }

  @Test
  void aNewStartThatIsNotADateIsRefusedButAnUnchangedOneNeverIs() {
    Task unreadable = SPOKEN.withStartAt(null);
    assertThatThrownBy(
            () ->
                TaskWrites.forUpdate(
                    unreadable, TaskChanges.of("start_datetime", "松の剪定"), TOKYO, TODAY))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("start_datetime");
    assertThat(
            TaskWrites.forUpdate(
                unreadable, TaskChanges.of("start_datetime", "来週のどこか"), TOKYO, TODAY))
        .doesNotContainKey("start_datetime");
  }

  @Test
  void aChangedPhoneIsNormalisedAndAnEmptyFieldThatWasSetIsRemoved() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("phone_number", "+81 90-9999-0000");
    form.put("request", "");

    Map<String, String> values = TaskWrites.forUpdate(SPOKEN, new TaskChanges(form), TOKYO, TODAY);

    assertThat(values).containsEntry("phone_number", "09099990000");
    assertThat(values).containsKey("request");
    assertThat(values.get("request")).isNull();
  }

  @Test
  void aCreateStoresStartAtReadFromTheDayOfCreationInTheZone() {
    TaskDraft draft = new TaskDraft("n", null, null, "12月24日(水) 午後7時半", null, null, null);

    Map<String, String> fields =
        TaskWrites.forCreate(draft, "user-1", "2026-12-04T16:00:00.000000+00:00", TOKYO);

    assertThat(fields)
        .containsEntry("start_datetime", "12月24日(水) 午後7時半")
        .containsEntry("start_at", "2026-12-24T19:30:00+09:00");
  }
}
