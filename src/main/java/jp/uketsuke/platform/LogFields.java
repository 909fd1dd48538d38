package jp.uketsuke.platform;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fields that Liberty adds to every log record written on the current thread: in JSON logs they
 * appear as {@code ext_<name>} (e.g. {@code ext_request_id}), so the cluster's log pipeline can
 * find every line of one request or one tenant. They live on the thread, so a request sets them
 * when it starts and {@link #clear()} removes them before the thread serves the next one.
 */
public final class LogFields {
  public static final String REQUEST_ID = "request_id";

  private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

  private LogFields() {}

  public static void put(String name, String value) {
    NAMES.add(name);
    if (value == null) {
      LogRecordContext.removeExtension(name);
    } else {
      LogRecordContext.addExtension(name, value);
    }
  }

  /** Removes every field this class ever set from the current thread. */
  public static void clear() {
    NAMES.forEach(LogRecordContext::removeExtension);
  }
}
