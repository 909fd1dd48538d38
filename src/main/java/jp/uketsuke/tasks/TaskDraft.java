package jp.uketsuke.tasks;

/**
 * A task to create, as a client or the assistant describes it. Only {@code name} is required;
 * {@link TaskBook#create} checks and normalises the rest.
 *
 * @param status the initial status, or null for {@code requested}
 */
public record TaskDraft(
    String name,
    String phoneNumber,
    String address,
    String startDatetime,
    String request,
    String status,
    String callSid) {

  public static TaskDraft named(String name) {
    return new TaskDraft(name, null, null, null, null, null, null);
  }
}
