package jp.uketsuke.calls;

/**
 * A task (reservation) of a caller, as the caller timeline shows it; read from {@code app-tasks},
 * which the tasks capability owns.
 */
public record CallerTask(
    String name, String phoneNumber, String address, String startDatetime, String request) {}
