package jp.uketsuke.tenant;

import java.util.Set;

/**
 * Who is calling and for which tenant, as established from a verified token.
 *
 * @param tenantId the tenant every read and write of this request is confined to
 * @param subject the token's subject: a Cognito user, or the service's app client
 * @param kind a person with an ID token, or a service with an access token
 * @param clientId the Cognito app client the token was issued to (never a tenant)
 * @param roles the caller's Cognito groups
 * @param email the person's e-mail address when the token carries one (for audit records)
 */
public record Caller(
    String tenantId, String subject, Kind kind, String clientId, Set<String> roles, String email) {
  public enum Kind {
    PERSON,
    SERVICE
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isService() {
    return kind == Kind.SERVICE;
  }
}
