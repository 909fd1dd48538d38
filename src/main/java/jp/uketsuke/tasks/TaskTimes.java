package jp.uketsuke.tasks;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.TenantValues;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current tenant's time zone, in which a task's {@code start_datetime} text is read and its
 * {@code start_at} written. A misspelt zone stops the application at start, not at the first read.
 */
@ApplicationScoped
public class TaskTimes {
  @Inject
  @ConfigProperty(name = "uketsuke.tasks.time-zone", defaultValue = "Asia/Tokyo")
  String defaultZone;

  /** Per-tenant zones, {@code tenant=America/New_York,other=Europe/Berlin}. */
  @Inject
  @ConfigProperty(name = "uketsuke.tasks.time-zone.tenants")
  Optional<TenantValues> tenantZones;

  @Inject TenantContext tenant;

  Clock clock = Clock.systemUTC();
  private ZoneId zone;
  private Map<String, ZoneId> zones;

  @PostConstruct
  void init() {
    zone = zone(defaultZone, "uketsuke.tasks.time-zone");
    zones =
        tenantZones
            .orElse(TenantValues.NONE)
            .map(id -> zone(id, "uketsuke.tasks.time-zone.tenants"));
  }

  public ZoneId zone() {
    return zones.getOrDefault(tenant.tenantId(), zone);
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone()));
  }

  /** The task as clients see it: with {@code start_at} read from its text now. */
  public Task dated(Task task) {
    return task.withStartAt(start(task).startAt());
  }

  /** The task's start, read relative to the day it was created. */
  public TaskStart start(Task task) {
    ZoneId here = zone();
    LocalDate reference =
        TaskDays.dayOf(task.createdAt(), here)
            .or(() -> TaskDays.dayOf(task.updatedAt(), here))
            .orElseGet(this::today);
    return StartDatetimes.read(task.startDatetime(), reference, here);
  }

  private static ZoneId zone(String id, String key) {
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new IllegalStateException(key + ": not a time zone: " + id.strip(), e);
    }
  }
}
