package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.uketsuke.llm.ChatRequest;
import jp.uketsuke.llm.ChatResponse;
import jp.uketsuke.llm.LanguageModel;
import org.eclipse.microprofile.faulttolerance.Asynchronous;

/**
 * A model call bounded by the time a turn has left. The model's own timeout, retries and circuit
 * breaker apply to one call; a turn's deadline spans several rounds, so the call runs on the Fault
 * Tolerance executor and the turn stops waiting when its time is up. The abandoned call ends in the
 * background (its read timeout bounds it) and still counts for the circuit breaker.
 */
@ApplicationScoped
public class ModelCalls {
  /** The turn's time ran out before the model answered. */
  public static final class DeadlineReached extends RuntimeException {
    DeadlineReached() {
      super("deadline reached", null, false, false);
    }
  }

  @Inject LanguageModel model;

  /** This bean through its proxy, so that {@link #async} runs with Fault Tolerance. */
  @Inject ModelCalls self;

  /**
   * The answer within {@code left}, or {@link DeadlineReached}; the model's failures as they are.
   */
  public ChatResponse complete(ChatRequest request, Duration left) {
    CompletableFuture<ChatResponse> call = self.async(request).toCompletableFuture();
    try {
      return call.get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(false);
      throw new DeadlineReached();
    } catch (ExecutionException e) {
      throw unwrapped(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeadlineReached();
    }
  }

  /** For {@link #complete} only: the model's call on the Fault Tolerance executor. */
  @Asynchronous
  public CompletionStage<ChatResponse> async(ChatRequest request) {
    return CompletableFuture.completedFuture(model.complete(request));
  }

  private static RuntimeException unwrapped(Throwable cause) {
    Throwable inner =
        cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
    return inner instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException("model call failed", inner);
  }
}
