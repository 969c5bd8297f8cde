package io.yardstick.user;

import io.yardstick.YardstickException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a user may do: admin (users and settings), manager (everything about the data), lead (the
 * data of their teams), agent (their own only).
 */
public enum Role {
  ADMIN,
  MANAGER,
  LEAD,
  AGENT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role of(String text) {
    return Arrays.stream(values())
        .filter(r -> r.id().equalsIgnoreCase(text.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new YardstickException(
                    "Unknown role '" + text + "'; expected admin, manager, lead or agent."));
  }
}
