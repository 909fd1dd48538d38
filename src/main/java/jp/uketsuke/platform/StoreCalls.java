package jp.uketsuke.platform;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the DynamoDB calls a request makes on its own thread (the synchronous client runs its
 * interceptors on the calling thread), for {@link StoreCallsHeader}. Retries of one call are not
 * counted again: the count is of calls the code makes, which is what a design bounds. Background
 * flushes run on other threads and are not counted here.
 */
public final class StoreCalls implements ExecutionInterceptor {
  private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

  /** Starts counting on this thread. */
  static void start() {
    COUNT.set(new int[1]);
  }

  /**
   * Stops counting on this thread; the calls counted since {@link #start}, or -1 if not started.
   */
  static int stop() {
    int[] count = COUNT.get();
    COUNT.remove();
    return count == null ? -1 : count[0];
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    int[] count = COUNT.get();
    if (count != null) {
      count[0]++;
    }
  }
}
