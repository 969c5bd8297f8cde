package io.yardstick.model;

import java.util.Locale;

/** A survey question and its answer scale (inclusive). */
public enum SurveyKind {
  /** Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied). */
  CSAT(1, 5),
  /** Net Promoter Score question, 0 (not at all likely to recommend) to 10 (extremely likely). */
  NPS(0, 10),
  /** Customer effort score, 1 (very easy) to 7 (very difficult). */
  CES(1, 7),
  /** Employee satisfaction, 1 to 5. */
  ESAT(1, 5);

  private final int min;
  private final int max;

  SurveyKind(int min, int max) {
    this.min = min;
    this.max = max;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  public boolean accepts(int score) {
    return score >= min && score <= max;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
