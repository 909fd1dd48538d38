package jp.uketsuke.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.uketsuke.platform.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The rules that turn a token whose signature, issuer and lifetime Liberty has already verified
 * into a {@link Caller}. People bring Cognito ID tokens of a console app client and carry their
 * tenant in {@code custom:tenant_id}; the voice server brings a client-credentials access token of
 * a service client and names the tenant in {@code x-client-id}. The claim {@code client_id} names
 * an app client, which is shared by every tenant, so it is never taken as the tenant.
 */
@ApplicationScoped
public class TokenRules {
  static final String TENANT_CLAIM = "custom:tenant_id";
  private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Set<String> webClients;
  private final Set<String> serviceClients;
  private final String serviceScope;

  @Inject
  public TokenRules(
      @ConfigProperty(name = "uketsuke.auth.web-clients") List<String> webClients,
      @ConfigProperty(name = "uketsuke.auth.service-clients", defaultValue = ",")
          List<String> serviceClients,
      @ConfigProperty(name = "uketsuke.auth.service-scope", defaultValue = "uketsuke/voice")
          String serviceScope) {
    this.webClients = trimmed(webClients);
    this.serviceClients = trimmed(serviceClients);
    this.serviceScope = serviceScope;
  }

  /** Needed by CDI for the client proxy of an application-scoped bean. */
  protected TokenRules() {
    this(List.of(), List.of(), "");
  }

  /**
   * @param token the verified token, or null when the request carried none
   * @param tenantHeader the {@code x-client-id} header, or null
   */
  public Caller callerOf(JsonWebToken token, String tenantHeader) {
    if (token == null || token.getRawToken() == null) {
      throw ApiException.unauthorized("A valid bearer token is required.");
    }
    VerifiedClaims claims = VerifiedClaims.of(token);
    String tokenUse = claims.string("token_use");
    if ("id".equals(tokenUse)) {
      return person(token, claims, blankToNull(tenantHeader));
    }
    if ("access".equals(tokenUse)) {
      return service(token, claims, blankToNull(tenantHeader));
    }
    throw ApiException.unauthorized("The token is neither an ID token nor an access token.");
  }

  private Caller person(JsonWebToken token, VerifiedClaims claims, String tenantHeader) {
    Set<String> audience = token.getAudience() == null ? Set.of() : token.getAudience();
    String client =
        audience.stream()
            .filter(webClients::contains)
            .findFirst()
            .orElseThrow(
                () -> ApiException.unauthorized("The ID token was not issued to the console."));
    String tenant = blankToNull(claims.string(TENANT_CLAIM));
    if (tenant == null || !TENANT_ID.matcher(tenant).matches()) {
      throw ApiException.unauthorized("The token names no tenant.");
    }
    if (tenantHeader != null && !tenantHeader.equals(tenant)) {
      throw ApiException.forbidden("x-client-id names a tenant other than your own.");
    }
    return new Caller(
        tenant,
        token.getSubject(),
        Caller.Kind.PERSON,
        client,
        claims.strings("cognito:groups"),
        claims.string("email"));
  }

  private Caller service(JsonWebToken token, VerifiedClaims claims, String tenantHeader) {
    String clientId = claims.string("client_id");
    if (clientId == null || !serviceClients.contains(clientId)) {
      throw ApiException.forbidden("This app client may not call the API with an access token.");
    }
    String scope = claims.string("scope");
    if (scope == null || !Arrays.asList(scope.split(" ")).contains(serviceScope)) {
      throw ApiException.forbidden("The access token lacks the scope " + serviceScope + ".");
    }
    if (tenantHeader == null) {
      throw ApiException.unauthorized("A service token must name the tenant in x-client-id.");
    }
    if (!TENANT_ID.matcher(tenantHeader).matches()) {
      throw ApiException.badRequest("x-client-id is not a valid tenant id.");
    }
    return new Caller(
        tenantHeader, token.getSubject(), Caller.Kind.SERVICE, clientId, Set.of(), null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Set<String> trimmed(List<String> values) {
    Set<String> result = new LinkedHashSet<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        result.add(value.trim());
      }
    }
    return Set.copyOf(result);
  }
}
