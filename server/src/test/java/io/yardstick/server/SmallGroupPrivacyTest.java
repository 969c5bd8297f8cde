package io.yardstick.server;

import static io.yardstick.server.TestServer.ANA;
import static io.yardstick.server.TestServer.ANA_AGENT;
import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.Privacy;
import io.yardstick.user.Users;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 3: an agent's team comparison is withheld unless at least 3 other agents have
 * contacts in its slice, so that no filter can narrow the team to one colleague.
 */
class SmallGroupPrivacyTest {
  private static TestServer server;
  private static ApiClient manager;
  private static ApiClient agent;
  private static String team;

  @BeforeAll
  static void start() {
    server = TestServer.get();
    manager = ApiClient.loggedIn(server, MIA, PASSWORD);
    agent = ApiClient.loggedIn(server, ANA, PASSWORD);
    team =
        agent
            .get("/api/agents/" + ANA_AGENT + "?" + TestServer.period())
            .body()
            .get("team")
            .asText();
  }

  /**
   * How many agents of the team other than Ana have contacts in the slice, as a manager counts
   * them.
   */
  private static int others(String slice) {
    JsonNode rows =
        manager
            .get("/api/agents?" + slice + "&kpi=contacts&where=" + enc("team=" + team))
            .body()
            .get("rows");
    int n = 0;
    for (int i = 1; i < rows.size(); i++) {
      JsonNode r = rows.get(i);
      JsonNode a = r.get("group").get("agent");
      if (!a.isNull()
          && !a.asText().equals(ANA_AGENT)
          && r.get("kpis").get("contacts").asLong() > 0) n++;
    }
    return n;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A day and queue where one of Ana's colleagues (and only one) has contacts. */
  private static String sliceWithOneColleague() {
    for (int day = 1; day <= 30; day++) {
      for (String queue : List.of("billing", "general", "sales", "tech", "support")) {
        String slice =
            String.format(
                "from=2026-06-%02d&to=2026-06-%02d&tz=Europe/Madrid&where=%s",
                day, day, enc("queue=" + queue));
        if (others(slice) == 1) return slice;
      }
    }
    throw new AssertionError("no day and queue with exactly one of Ana's colleagues");
  }

  @Test
  void a_filter_that_narrows_the_team_to_one_colleague_withholds_the_team_numbers() {
    String narrow = sliceWithOneColleague();
    JsonNode report =
        agent.get("/api/agents/" + ANA_AGENT + "?" + narrow + "&kpi=contacts,aht,csat").body();
    assertThat(report.get("team_kpis").isNull()).as(report.toString()).isTrue();
    assertThat(report.get("team_withheld").asText())
        .isEqualTo("fewer than 3 other agents in this slice");
    assertThat(report.get("kpis").get("rows").get(0).get("kpis").has("aht"))
        .as("Ana's own numbers stay")
        .isTrue();
  }

  @Test
  void a_team_of_three_is_withheld_by_default_and_shown_when_the_settings_ask_for_two_others()
      throws Exception {
    String month = TestServer.period();
    assertThat(others(month)).isEqualTo(2); // team care: agent-001, agent-002 and Ana
    JsonNode report =
        agent.get("/api/agents/" + ANA_AGENT + "?" + month + "&kpi=contacts,csat").body();
    assertThat(report.get("team_kpis").isNull()).isTrue();

    KpiSettings two = KpiSettings.defaults().withPrivacy(new Privacy(2));
    String token = new Users(server.store, TestServer.CLOCK).createToken(ANA, "privacy test");
    try (YardstickServer second = YardstickServer.start(server.store, two, TestServer.CLOCK, 0)) {
      HttpClient http = HttpClient.newHttpClient();
      java.util.function.Function<String, JsonNode> get =
          q -> {
            try {
              return ApiClient.JSON.readTree(
                  http.send(
                          HttpRequest.newBuilder(
                                  URI.create(
                                      "http://127.0.0.1:"
                                          + second.port()
                                          + "/api/agents/"
                                          + ANA_AGENT
                                          + "?"
                                          + q
                                          + "&kpi=contacts,csat"))
                              .header("Authorization", "Bearer " + token)
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      JsonNode shown = get.apply(month);
      assertThat(shown.get("team_kpis").isObject()).as(shown.toString()).isTrue();
      assertThat(shown.get("team_withheld").isNull()).isTrue();
      JsonNode narrow = get.apply(sliceWithOneColleague());
      assertThat(narrow.get("team_withheld").asText())
          .isEqualTo("fewer than 2 other agents in this slice");
    }
  }

  @Test
  void a_manager_sees_the_team_whatever_the_slice() {
    JsonNode report =
        manager
            .get(
                "/api/agents/"
                    + ANA_AGENT
                    + "?from=2026-06-30&to=2026-06-30&tz=Europe/Madrid"
                    + "&kpi=contacts")
            .body();
    assertThat(report.has("team_withheld")).isFalse();
  }
}
