import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Scores the forecasts that `yardstick forecast --format csv` wrote for one real series against what came, and against
 * the two seasonal baselines computed on the same weeks (docs/forecasting.md, "The real series").
 *
 * <p>Usage: java bench/forecast/ScoreForecasts.java CONTACTS.csv INTERVAL_MINUTES DIR [SKIP_WEEKENDS]
 * where CONTACTS.csv is the file the series was imported from (contact_id,channel,arrived_at in UTC) and DIR holds one
 * forecast per origin, named ORIGIN.csv (the first forecast day, YYYY-MM-DD).
 *
 * <p>Scored: every interval of the days forecast on which contacts came (a day without contacts, a holiday the
 * forecast could not know, is skipped, as for the baselines). Baselines, from what was known at the origin:
 * seasonal naive = the same interval on the latest same weekday before the origin that had contacts; seasonal mean =
 * the mean of the same interval over the latest four such days. WAPE = 100 sum|a - f| / sum a, pooled over origins.
 * Prints one line: origins, scored days, WAPE of the forecast, of each baseline, and the ratio to the best baseline.
 */
public class ScoreForecasts {
  public static void main(String[] args) throws IOException {
    Path contacts = Path.of(args[0]);
    int minutes = Integer.parseInt(args[1]);
    Path dir = Path.of(args[2]);
    long step = minutes * 60L;
    int perDay = 1440 / minutes;
    Map<Long, Long> counts = new TreeMap<>();
    try (Stream<String> lines = Files.lines(contacts)) {
      lines.skip(1).forEach(l -> {
        String at = l.substring(l.lastIndexOf(',') + 1);
        long s = OffsetDateTime.parse(at).toEpochSecond();
        counts.merge(Math.floorDiv(s, step), 1L, Long::sum);
      });
    }
    double sumA = 0, errF = 0, errN = 0, errM = 0;
    int origins = 0, days = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    for (Path file : files) {
      LocalDate origin = LocalDate.parse(file.getFileName().toString().replace(".csv", ""));
      Map<LocalDate, double[]> forecast = new TreeMap<>();
      for (String l : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
        String[] f = l.split(",");
        LocalDateTime start = OffsetDateTime.parse(f[0]).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        forecast.computeIfAbsent(start.toLocalDate(), d -> new double[perDay])[
            (start.getHour() * 60 + start.getMinute()) / minutes] = Double.parseDouble(f[2]);
      }
      origins++;
      for (Map.Entry<LocalDate, double[]> e : forecast.entrySet()) {
        LocalDate d = e.getKey();
        double[] a = day(counts, d, perDay, step);
        if (sum(a) == 0) continue; // a day without contacts: not scored
        List<double[]> same = new ArrayList<>();
        for (LocalDate p = d.minusWeeks(1); same.size() < 4 && p.isAfter(origin.minusYears(1)); p = p.minusWeeks(1)) {
          if (!p.isBefore(origin)) continue;
          double[] v = day(counts, p, perDay, step);
          if (sum(v) > 0) same.add(v);
        }
        if (same.size() < 4) continue;
        days++;
        for (int i = 0; i < perDay; i++) {
          double mean = 0;
          for (double[] v : same) mean += v[i] / same.size();
          sumA += a[i];
          errF += Math.abs(a[i] - e.getValue()[i]);
          errN += Math.abs(a[i] - same.get(0)[i]);
          errM += Math.abs(a[i] - mean);
        }
      }
    }
    double f = 100 * errF / sumA, n = 100 * errN / sumA, m = 100 * errM / sumA;
    System.out.printf(Locale.ROOT, "origins %d, days scored %d, contacts %.0f: forecast WAPE %.2f%%, seasonal naive"
        + " %.2f%%, seasonal mean (4) %.2f%%, ratio to the best baseline %.3f (%+.2f points)%n", origins, days, sumA, f,
        n, m, f / Math.min(n, m), f - Math.min(n, m));
  }

  static double[] day(Map<Long, Long> counts, LocalDate d, int perDay, long step) {
    double[] v = new double[perDay];
    long first = d.atStartOfDay().toEpochSecond(ZoneOffset.UTC) / step;
    for (int i = 0; i < perDay; i++) v[i] = counts.getOrDefault(first + i, 0L);
    return v;
  }

  static double sum(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
  }
}
