package jp.uketsuke.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.TokenScript;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The admin group through signed tokens, on a test server that sets {@code
 * uketsuke.auth.admin-group=admin} (src/test/liberty/admin-group.xml): only its members change
 * settings and FAQ and use the people-only routes; the tenant's other people still read them and
 * handle tasks.
 */
class AdminGroupIT {
  private static final String PROMPT = "{\"content\": \"set by an admin\"}";

  @Test
  void aPersonOutsideTheAdminGroupIsRefusedChangesAndPeopleOnlyRoutesWithAProblem() {
    String tenant = "ag-refused";
    Api admin = Api.as(Tokens.person(tenant));
    admin.put("/prompt", PROMPT).ok();
    Api staff = person(tenant, List.of("staff"));
    Api noGroup = person(tenant, null);

    for (Api person : List.of(staff, noGroup)) {
      JsonObject problem = person.put("/prompt", "{\"content\": \"set by staff\"}").problem(403);
      assertThat(problem.getString("detail")).contains("admin");
      person.post("/faq", faq("ag-parking")).problem(403);
      person.post("/prompt/versions/1/restore", "").problem(403);
      person.get("/audit").problem(403);
      person.get("/usage").problem(403);

      assertThat(person.get("/prompt").ok().getString("content")).isEqualTo("set by an admin");
    }
    admin.get("/faq/ag-parking").problem(404);
  }

  @Test
  void aMemberOfTheAdminGroupChangesSettingsAndFaqAndReadsTheAudit() {
    Api admin = person("ag-allowed", List.of("staff", "admin"));

    admin.put("/prompt", PROMPT).ok();
    admin.post("/faq", faq("ag-hours")).ok();

    assertThat(admin.get("/faq/ag-hours").ok().getJsonObject("item").getString("answer"))
        .isEqualTo("answer to ag-hours");
    assertThat(admin.get("/audit").ok().getJsonArray("items")).isNotEmpty();
  }

  @Test
  void aPersonOutsideTheAdminGroupStillCreatesAndDeletesTasks() {
    Api staff = person("ag-tasks", List.of("staff"));

    staff.post("/task", "{\"name\": \"ag-visit\"}").ok();
    staff.delete("/task/ag-visit").ok();

    staff.get("/task/ag-visit").problem(404);
  }

  @Test
  void cognitoGroupsDecideForRealCognitoTokens() {
    String tenant = "ag-cognito";
    Api staff = Api.as(TokenScript.person(tenant, "staff@ag-cognito.example", "staff"));
    Api admin = Api.as(TokenScript.person(tenant, "owner@ag-cognito.example", "admin"));

    staff.put("/prompt", "{\"content\": \"set by staff\"}").problem(403);
    admin.put("/prompt", PROMPT).ok();

    assertThat(staff.get("/prompt").ok().getString("content")).isEqualTo("set by an admin");
  }

  /** A person of the tenant in exactly these Cognito groups ({@code null}: no groups claim). */
  private static Api person(String tenant, List<String> groups) {
    return Api.as(Tokens.sign(Tokens.idToken(tenant).claim("cognito:groups", groups)));
  }

  private static String faq(String question) {
    return Json.createObjectBuilder()
        .add("question", question)
        .add("answer", "answer to " + question)
        .build()
        .toString();
  }
}
