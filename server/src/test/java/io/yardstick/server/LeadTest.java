package io.yardstick.server;

import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static io.yardstick.server.TestServer.ROOT;
import static io.yardstick.server.TestServer.period;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.server.ApiClient.Response;
import io.yardstick.user.Role;
import io.yardstick.user.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, Deliver 6: a team lead sees their teams only, enforced by the API as it is for agents.
 */
class LeadTest {
  private static final String OWN = "a-long-own-secret-7";

  private final TestServer server = TestServer.get();

  private List<String> teams() {
    return server
        .store
        .query("SELECT DISTINCT team FROM contacts WHERE team IS NOT NULL ORDER BY team")
        .stream()
        .map(r -> (String) r[0])
        .toList();
  }

  private ApiClient lead(String team) {
    String name = "lead-" + System.nanoTime() % 1_000_000;
    new Users(server.store, TestServer.CLOCK).add(name, Role.LEAD, null, OWN, false, List.of(team));
    return ApiClient.loggedIn(server, name, OWN);
  }

  private static JsonNode kpis(Response r) {
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    return r.body().get("rows").get(0).get("kpis");
  }

  @Test
  void a_lead_sees_the_numbers_of_their_teams_only_whatever_they_filter_by() {
    List<String> teams = teams();
    assertThat(teams).hasSizeGreaterThanOrEqualTo(2);
    String mine = teams.get(0);
    String other = teams.get(1);
    ApiClient lead = lead(mine);
    ApiClient manager = ApiClient.loggedIn(server, MIA, PASSWORD);
    String q = "/api/kpi?" + period() + "&kpi=contacts,aht,service_level";

    assertThat(kpis(lead.get(q))).isEqualTo(kpis(manager.get(q + "&where=team%3D" + mine)));
    assertThat(kpis(lead.get(q)).get("contacts").asLong())
        .isLessThan(kpis(manager.get(q)).get("contacts").asLong());
    assertThat(kpis(lead.get(q + "&where=team%3D" + other)).get("contacts").asLong()).isZero();

    List<String> agents = new ArrayList<>();
    lead.get("/api/agents?" + period())
        .body()
        .get("rows")
        .forEach(
            r -> {
              if (r.get("group") != null && r.get("group").hasNonNull("agent"))
                agents.add(r.get("group").get("agent").asText());
            });
    List<String> ofMine =
        server
            .store
            .query(
                "SELECT DISTINCT agent_id FROM contacts WHERE team = ? AND agent_id IS NOT"
                    + " NULL",
                mine)
            .stream()
            .map(r -> (String) r[0])
            .toList();
    assertThat(agents).isNotEmpty().allSatisfy(a -> assertThat(ofMine).contains(a));
    String outsider =
        server
            .store
            .query(
                "SELECT agent_id FROM contacts WHERE agent_id IS NOT NULL GROUP BY agent_id"
                    + " HAVING SUM(CASE WHEN team = ? THEN 1 ELSE 0 END) = 0 LIMIT 1",
                mine)
            .get(0)[0]
            .toString();
    assertThat(lead.get("/api/agents/" + outsider + "?" + period()).status()).isEqualTo(403);
    assertThat(lead.get("/api/agents/" + agents.get(0) + "?" + period()).status()).isEqualTo(200);
    assertThat(lead.get("/api/extent").body().get("values").get("team").toString())
        .isEqualTo("[\"" + mine + "\"]");
    assertThat(lead.get("/api/topics?" + period()).status()).isEqualTo(403);
    assertThat(lead.get("/api/users").status()).isEqualTo(403);
  }

  @Test
  void an_admin_adds_a_lead_with_teams_and_only_a_lead_has_teams() {
    ApiClient root = ApiClient.loggedIn(server, ROOT, PASSWORD);
    String name = "newlead-" + System.nanoTime() % 1_000_000;
    assertThat(
            root.post("/api/users", Map.of("name", name, "role", "lead", "teams", List.of("red")))
                .status())
        .isEqualTo(201);
    JsonNode users = root.get("/api/users").body().get("users");
    JsonNode added = null;
    for (JsonNode u : users) {
      if (u.get("name").asText().equals(name)) added = u;
    }
    assertThat(added.get("role").asText()).isEqualTo("lead");
    assertThat(added.get("teams").toString()).isEqualTo("[\"red\"]");
    assertThat(
            root.post(
                    "/api/users",
                    Map.of("name", name + "x", "role", "manager", "teams", List.of("red")))
                .body()
                .get("details")
                .asText())
        .isEqualTo("Only a team lead (role lead) has teams.");
    assertThat(
            root.post("/api/users", Map.of("name", name + "y", "role", "lead"))
                .body()
                .get("details")
                .asText())
        .isEqualTo("A team lead needs the teams they see; add --team TEAM (once per team).");
  }
}
