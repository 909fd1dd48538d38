package jp.uketsuke.tasks;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonObjectBuilder;

/**
 * A task as clients see it. Old items carry only the first five fields; {@code status} then reads
 * as {@code requested} and the other additive fields are absent. {@code start_datetime} is the text
 * as written; {@code startAt} is what it says as ISO 8601 with offset ({@code
 * 2026-12-24T19:00:00+09:00}; a day's 00:00 when it names no time), absent when it names no day.
 */
public record Task(
    String name,
    String phoneNumber,
    String address,
    String startDatetime,
    String startAt,
    String request,
    String status,
    String callSid,
    String createdBy,
    String createdAt,
    String updatedAt) {

  public Task withStartAt(String value) {
    return new Task(
        name,
        phoneNumber,
        address,
        startDatetime,
        value,
        request,
        status,
        callSid,
        createdBy,
        createdAt,
        updatedAt);
  }

  public TaskStatus taskStatus() {
    return TaskStatus.fromWire(status).orElse(TaskStatus.REQUESTED);
  }

  /** A one-line summary for audit records, fields in a fixed order. */
  public String summary() {
    JsonObjectBuilder json = JSON.createObjectBuilder().add("name", name);
    add(json, "phone_number", phoneNumber);
    add(json, "start_datetime", startDatetime);
    add(json, "address", address);
    add(json, "request", request);
    return json.add("status", status).build().toString();
  }

  private static void add(JsonObjectBuilder json, String field, String value) {
    if (value != null) {
      json.add(field, value);
    }
  }
}
