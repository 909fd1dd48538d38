package jp.uketsuke.platform.idempotency;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The current request's idempotency key, for code that writes: values it generates (a turn's
 * timestamp) are fixed in the key's record before they are written, so that a retry after a failure
 * writes the same item again, which its conditional write recognises as its own, instead of a
 * second one. Without a key, nothing is recorded and each value is generated afresh.
 */
@RequestScoped
public class IdempotentRequest {
  @Inject IdempotencyKeys keys;

  private String tenantId;
  private String key;
  private String owner;
  private final Map<String, String> plan = new HashMap<>();
  private final String writeId = UUID.randomUUID().toString();

  void start(String tenantId, String key, String owner, Map<String, String> planned) {
    this.tenantId = tenantId;
    this.key = key;
    this.owner = owner;
    plan.putAll(planned);
  }

  boolean active() {
    return key != null;
  }

  String tenantId() {
    return tenantId;
  }

  String key() {
    return key;
  }

  String owner() {
    return owner;
  }

  /**
   * Marks the items this request writes: the same for every attempt of one keyed request, unique
   * otherwise, so a conditional write that finds an item with this mark found its own.
   */
  public String writeId() {
    return active() ? "key:" + key : writeId;
  }

  /** The value an earlier attempt fixed under {@code name}, or a new one, fixed now. */
  public String planned(String name, Supplier<String> generate) {
    String known = plan.get(name);
    return known != null ? known : replan(name, generate.get());
  }

  /** Fixes another value under {@code name} (the planned one was taken by someone else's write). */
  public String replan(String name, String value) {
    if (active()) {
      keys.plan(tenantId, key, owner, name, value);
    }
    plan.put(name, value);
    return value;
  }
}
