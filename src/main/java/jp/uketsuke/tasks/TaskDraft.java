package jp.uketsuke.tasks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A task to create, as a client or the assistant describes it. Only {@code name} is required;
 * {@link TaskBook#create} checks and normalises the rest. It is also the documented body of the
 * task routes, so its schema names fields as they travel (the OpenAPI scanner does not know
 * JSON-B's snake_case naming).
 *
 * @param status the initial status, or null for {@code requested}
 */
public record TaskDraft(
    String name,
    @Schema(name = "phone_number", description = "phone is accepted too") String phoneNumber,
    String address,
    @Schema(name = "start_datetime", description = "start_date is accepted too")
        String startDatetime,
    @Schema(description = "requirement is accepted too") String request,
    String status,
    @Schema(name = "call_sid", description = "callSid is accepted too") String callSid) {

  public static TaskDraft named(String name) {
    return new TaskDraft(name, null, null, null, null, null, null);
  }
}
