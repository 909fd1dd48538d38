package jp.uketsuke.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import jp.uketsuke.platform.ApiException;
import org.junit.jupiter.api.Test;

/**
 * The admin-group rule ({@code uketsuke.auth.admin-group}): when set, only its members change
 * settings and FAQ and use the people-only routes; tasks stay open to every person of the tenant.
 * Unset or blank, every person of the tenant may (the old system's behaviour). Service tokens are
 * refused those routes either way.
 */
class PermissionsTest {
  private static final Caller ADMIN = person(Set.of("admin"));
  private static final Caller STAFF = person(Set.of("staff"));
  private static final Caller NO_GROUP = person(Set.of());
  private static final Caller VOICE =
      new Caller("garden", "voice-client", Caller.Kind.SERVICE, "voice-client", Set.of(), null);

  @Test
  void withAnAdminGroupOnlyItsMembersChangeSettingsAndFaqAndUsePeopleOnlyRoutes() {
    assertAllowed(permissions("admin", ADMIN)::requireOwnerWrite);
    assertAllowed(permissions("admin", ADMIN)::requirePerson);

    for (Caller other : Set.of(STAFF, NO_GROUP)) {
      assertForbidden(permissions("admin", other)::requireOwnerWrite);
      assertForbidden(permissions("admin", other)::requirePerson);
    }
  }

  @Test
  void withAnAdminGroupEveryPersonStillCreatesUpdatesAndDeletesTasks() {
    for (Caller person : Set.of(ADMIN, STAFF, NO_GROUP)) {
      assertAllowed(permissions("admin", person)::requireTaskWrite);
      assertAllowed(permissions("admin", person)::requireTaskDelete);
    }
  }

  @Test
  void withoutAnAdminGroupOrWithABlankOneEveryPersonOfTheTenantMay() {
    for (String group : new String[] {null, "", "  "}) {
      for (Caller person : Set.of(ADMIN, STAFF, NO_GROUP)) {
        assertAllowed(permissions(group, person)::requireOwnerWrite);
        assertAllowed(permissions(group, person)::requirePerson);
      }
    }
  }

  @Test
  void theVoiceServerNeverChangesSettingsOrUsesPeopleOnlyRoutesWhateverTheGroup() {
    for (String group : new String[] {null, "admin"}) {
      assertForbidden(permissions(group, VOICE)::requireOwnerWrite);
      assertForbidden(permissions(group, VOICE)::requirePerson);
      assertForbidden(permissions(group, VOICE)::requireTaskDelete);
      assertAllowed(permissions(group, VOICE)::requireTaskWrite);
    }
  }

  @Test
  void withoutACallerEveryRuleIsUnauthorized() {
    Permissions permissions = new Permissions();
    permissions.tenant = new TenantContext();
    permissions.adminGroup = Optional.of("admin");
    assertThatThrownBy(permissions::requireOwnerWrite)
        .isInstanceOfSatisfying(ApiException.class, e -> assertStatus(e, 401));
    assertThatThrownBy(permissions::requireTaskWrite)
        .isInstanceOfSatisfying(ApiException.class, e -> assertStatus(e, 401));
  }

  private static Caller person(Set<String> groups) {
    return new Caller(
        "garden", "user-1", Caller.Kind.PERSON, "console-client", groups, "a@example.com");
  }

  private static Permissions permissions(String adminGroup, Caller caller) {
    Permissions permissions = new Permissions();
    permissions.tenant = new TenantContext();
    permissions.tenant.establish(caller);
    permissions.adminGroup = Optional.ofNullable(adminGroup);
    return permissions;
  }

  private static void assertAllowed(Runnable rule) {
    assertThatCode(rule::run).doesNotThrowAnyException();
  }

  private static void assertForbidden(Runnable rule) {
    assertThatThrownBy(rule::run)
        .isInstanceOfSatisfying(ApiException.class, e -> assertStatus(e, 403));
  }

  private static void assertStatus(ApiException e, int status) {
    assertThat(e.status()).isEqualTo(status);
  }
}
