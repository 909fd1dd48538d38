package jp.uketsuke.faq;

import java.util.List;

/**
 * What an import did, or with {@code dryRun} would do: counts per outcome and why rows failed.
 *
 * @param errors one per failed row, {@code row} counted from 1 among the entries of the file
 */
public record FaqImportReport(
    boolean ok,
    boolean dryRun,
    int created,
    int updated,
    int unchanged,
    int failed,
    List<RowError> errors) {

  /** Why one row was not imported. */
  public record RowError(int row, String error) {}

  String summary() {
    return "created="
        + created
        + " updated="
        + updated
        + " unchanged="
        + unchanged
        + " failed="
        + failed;
  }
}
