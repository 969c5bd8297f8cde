package io.yardstick.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.YardstickException;
import io.yardstick.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersTest {
  @TempDir Path dir;
  Store store;
  Users users;

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("users.duckdb").toString());
    users = new Users(store, Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void a_new_user_logs_in_with_the_one_time_password_and_must_change_it() {
    String password = users.add("Ana", Role.MANAGER, null);

    assertThat(password).hasSize(16);
    assertThat(users.authenticate("ana", password))
        .contains(new User("ana", Role.MANAGER, null, true));
    assertThat(users.authenticate("ana", password + "x")).isEmpty();
    assertThat(users.authenticate("nobody", password)).isEmpty();

    users.setPassword("ana", "a much longer secret");

    assertThat(users.authenticate("ana", "a much longer secret"))
        .contains(new User("ana", Role.MANAGER, null, false));
    assertThat(users.authenticate("ana", password)).isEmpty();
  }

  @Test
  void passwords_are_stored_as_salted_bcrypt_hashes() {
    users.add("a", Role.ADMIN, null, "the same password", false);
    users.add("b", Role.ADMIN, null, "the same password", false);

    var hashes = store.query("SELECT password_hash FROM users ORDER BY name");
    assertThat((String) hashes.get(0)[0]).startsWith("$2a$12$").doesNotContain("the same password");
    assertThat(hashes.get(0)[0]).isNotEqualTo(hashes.get(1)[0]);
  }

  @Test
  void an_agent_user_needs_an_agent_id_and_names_are_unique() {
    assertThatThrownBy(() -> users.add("eva", Role.AGENT, null))
        .isInstanceOf(YardstickException.class)
        .hasMessageContaining("needs the agent_id");
    users.add("eva", Role.AGENT, "agent-007");

    assertThat(users.find("EVA")).contains(new User("eva", Role.AGENT, "agent-007", true));
    assertThatThrownBy(() -> users.add("eva", Role.MANAGER, null))
        .hasMessage("A user named 'eva' exists already.");
    assertThatThrownBy(() -> users.add("two words", Role.MANAGER, null))
        .hasMessageContaining("is not a user name");
  }

  @Test
  void api_tokens_identify_their_user_and_only_their_hash_is_kept() {
    users.add("robot", Role.MANAGER, null);

    String token = users.createToken("robot", "etl");

    assertThat(token).startsWith("ys_").hasSize(67);
    assertThat(users.forToken(token)).map(User::name).contains("robot");
    assertThat(users.forToken(token + "0")).isEmpty();
    assertThat(store.query("SELECT token_hash FROM api_tokens").get(0)[0])
        .isEqualTo(Users.sha256(token));
  }
}
