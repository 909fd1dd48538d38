package jp.uketsuke.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.uketsuke.audit.AuditLog;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.PageTokens;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The current tenant's webhooks: create, list, delete, rotate, test, and their deliveries. */
@ApplicationScoped
class WebhookRegistry {
  private static final Pattern ID = Pattern.compile("wh_[0-9a-f]{16}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject TenantContext tenant;
  @Inject WebhookStore store;
  @Inject WebhookEvents events;
  @Inject PageTokens pageTokens;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "uketsuke.webhooks.max-per-tenant", defaultValue = "10")
  int maxPerTenant;

  @Inject
  @ConfigProperty(name = "uketsuke.webhooks.previous-secret-valid", defaultValue = "PT24H")
  Duration previousSecretValid;

  /** A new webhook and its secret, which is shown only in this answer. */
  record Created(Webhook hook, String secret) {}

  record Deliveries(List<Delivery> items, String nextToken) {}

  Created create(WebhookInput input) {
    String tenantId = tenant.tenantId();
    if (store.all(tenantId).size() >= maxPerTenant) {
      throw ApiException.conflict("A tenant may have at most " + maxPerTenant + " webhooks.");
    }
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    Webhook hook =
        new Webhook(
            "wh_" + HexFormat.of().formatHex(random),
            input.url(),
            input.events(),
            input.description(),
            Timestamps.now());
    String secret = WebhookSigning.newSecret();
    store.create(tenantId, hook, secret);
    audit.record("webhook.create", hook.id(), null, hook.url());
    return new Created(hook, secret);
  }

  List<Webhook> list() {
    return store.all(tenant.tenantId()).stream().map(StoredWebhook::hook).toList();
  }

  void delete(String id) {
    if (!ID.matcher(id).matches() || !store.delete(tenant.tenantId(), id)) {
      throw missing();
    }
    audit.record("webhook.delete", id, null, null);
  }

  String rotate(String id) {
    String secret = WebhookSigning.newSecret();
    Instant until = Instant.now().plus(previousSecretValid);
    if (!ID.matcher(id).matches() || !store.rotate(tenant.tenantId(), id, secret, until)) {
      throw missing();
    }
    audit.record("webhook.rotate-secret", id, null, null);
    return secret;
  }

  String test(String id) {
    String tenantId = tenant.tenantId();
    StoredWebhook hook = find(tenantId, id);
    return events.test(tenantId, hook);
  }

  Deliveries deliveries(String id, int limit, String nextToken) {
    String tenantId = tenant.tenantId();
    find(tenantId, id);
    String query = "webhook-deliveries:" + id;
    Map<String, AttributeValue> start = pageTokens.decode(tenantId, query, nextToken);
    WebhookStore.Page page = store.deliveries(tenantId, id, limit, start);
    String token =
        page.lastKey() == null ? null : pageTokens.encode(tenantId, query, page.lastKey());
    return new Deliveries(page.items(), token);
  }

  private StoredWebhook find(String tenantId, String id) {
    if (!ID.matcher(id).matches()) {
      throw missing();
    }
    return store.find(tenantId, id).orElseThrow(WebhookRegistry::missing);
  }

  private static ApiException missing() {
    return ApiException.notFound("No such webhook.");
  }
}
