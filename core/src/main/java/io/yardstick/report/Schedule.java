package io.yardstick.report;

import io.yardstick.YardstickException;
import io.yardstick.alert.Targets;
import java.time.Instant;
import java.util.List;

/**
 * A saved view delivered on a {@link Cadence} in the view's zone, in a language, to targets: {@code
 * email:ADDRESS} (PDF and CSV attached, the headline numbers in the body), {@code slack:URL} (a
 * Slack incoming webhook, Block Kit) or {@code teams:URL} (a Microsoft Teams incoming webhook, an
 * Adaptive Card). Checked whole before it is stored.
 */
public record Schedule(
    long id,
    long viewId,
    String owner,
    Cadence cadence,
    String language,
    List<String> targets,
    Instant createdAt) {
  public static final List<String> LANGUAGES = List.of("en", "es", "ca", "ro");

  public Schedule {
    if (cadence == null)
      throw new YardstickException("A schedule needs a {cadence}, such as weekly:mon@08:00.");
    if (owner == null || owner.isBlank())
      throw new YardstickException("A schedule needs an {owner}.");
    if (language == null) language = "en";
    if (!LANGUAGES.contains(language)) {
      throw new YardstickException(
          "'" + language + "' is not a {language} of reports; expected en, es, ca or ro.");
    }
    targets = targets == null ? List.of() : List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new YardstickException(
          "A schedule needs {targets}: email:ADDRESS, slack:https://... or teams:https://...");
    }
    if (targets.size() > 20) throw new YardstickException("A schedule has at most 20 {targets}.");
    if (targets.stream().distinct().count() < targets.size()) {
      throw new YardstickException("A target is named twice in the {targets}.");
    }
    targets.forEach(Schedule::checkTarget);
  }

  public Schedule withId(long id, Instant createdAt) {
    return new Schedule(id, viewId, owner, cadence, language, targets, createdAt);
  }

  /** The target as given, or an error naming what is wrong and the forms expected. */
  public static String checkTarget(String target) {
    if (target != null && (target.startsWith("slack:") || target.startsWith("teams:"))) {
      try {
        Targets.check("webhook:" + target.substring(6));
      } catch (YardstickException e) {
        throw new YardstickException(
            "The target '"
                + target
                + "' in {targets} is not an http or https URL with a host;"
                + " expected slack:https://hooks.slack.com/... or teams:https://....");
      }
      return target;
    }
    if (target != null && target.startsWith("email:")) {
      Targets.check(target);
      return target;
    }
    throw new YardstickException(
        "'"
            + target
            + "' in {targets} is not a report target; expected email:ADDRESS,"
            + " slack:https://... or teams:https://....");
  }
}
