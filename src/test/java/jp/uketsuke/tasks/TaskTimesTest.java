package jp.uketsuke.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import jp.uketsuke.platform.TenantValues;
import jp.uketsuke.tenant.TenantContext;
import org.junit.jupiter.api.Test;

class TaskTimesTest {

  @Test
  void aTenantWithoutItsOwnZoneUsesTheDefaultAndOthersTheirs() {
    assertThat(times("Asia/Tokyo", "ny=America/New_York, berlin = Europe/Berlin", "ny").zone())
        .isEqualTo(ZoneId.of("America/New_York"));
    assertThat(times("Asia/Tokyo", "ny=America/New_York", "demo").zone())
        .isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(times("Asia/Tokyo", null, "demo").zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void todayAndStartAtAreTheTenantsAndAYearLeftOutCountsFromCreatedAtElseToday() {
    TaskTimes tokyo = times("Asia/Tokyo", null, "demo");
    tokyo.clock = Clock.fixed(Instant.parse("2026-12-31T16:00:00Z"), ZoneOffset.UTC);
    assertThat(tokyo.today()).hasToString("2027-01-01");

    Task task =
        new Task(
            "n",
            null,
            null,
            "1月2日 10時",
            null,
            null,
            "requested",
            null,
            null,
            "2026-12-20T01:00:00.123456+00:00",
            null);
    assertThat(tokyo.dated(task).startAt()).isEqualTo("2027-01-02T10:00:00+09:00");
    assertThat(
            tokyo
                .dated(
                    new Task("n", null, null, "12月24日", null, null, null, null, null, null, null))
                .startAt())
        .isEqualTo("2027-12-24T00:00:00+09:00");
  }

  @Test
  void aZoneNoOneKnowsStopsTheApplicationAtStart() {
    assertThatThrownBy(() -> times("Asia/Tokio", null, "demo"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("uketsuke.tasks.time-zone");
    assertThatThrownBy(() -> times("Asia/Tokyo", "ny:America/New_York", "demo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant=value");
    assertThatThrownBy(() -> times("Asia/Tokyo", "ny=America/New_Yrok", "demo"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("uketsuke.tasks.time-zone.tenants");
  }

  private static TaskTimes times(String zone, String tenants, String tenantId) {
    TaskTimes times = new TaskTimes();
    times.defaultZone = zone;
    times.tenantZones = Optional.ofNullable(tenants).map(TenantValues::parse);
    times.tenant =
        new TenantContext() {
          @Override
          public String tenantId() {
            return tenantId;
          }
        };
    times.init();
    return times;
  }
}
