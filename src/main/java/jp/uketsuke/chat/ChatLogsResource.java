package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.uketsuke.calls.CallHistory;
import jp.uketsuke.platform.QueryParams;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /chat-logs}: the tenant's recent chat turns as log events, read from the turns this
 * engine stored (never from a log stream shared with other tenants).
 */
@ApplicationScoped
@Path("/chat-logs")
@Produces(MediaType.APPLICATION_JSON)
public class ChatLogsResource {
  @Inject TenantContext tenant;
  @Inject Permissions permissions;
  @Inject CallHistory history;

  public record Events(boolean ok, List<ChatEvent> items) {}

  @GET
  @Operation(
      summary =
          "Chat turns of the last `minutes` (or from `startTimeMs` on), newest first, phones masked")
  public Events logs(
      @QueryParam("limit") String limit,
      @QueryParam("minutes") String minutes,
      @QueryParam("startTimeMs") String startTimeMs) {
    permissions.requirePerson();
    int max = QueryParams.intInRange(limit, "limit", 1, 200, 100);
    Duration window = Duration.ofMinutes(QueryParams.intInRange(minutes, "minutes", 1, 1440, 60));
    Instant from =
        startTimeMs == null || startTimeMs.isBlank()
            ? Instant.now().minus(window)
            : Instant.ofEpochMilli(QueryParams.longAtLeast(startTimeMs, "startTimeMs", 0));
    Instant to = from.plus(window);
    List<ChatEvent> events =
        history
            .annotated(
                tenant.tenantId(),
                TurnRecorder.MODE,
                Timestamps.formatSeconds(from),
                Timestamps.format(to),
                max)
            .stream()
            .map(ChatEvent::of)
            .toList();
    return new Events(true, events);
  }
}
