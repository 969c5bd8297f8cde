package io.yardstick.sources.queuelog.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a queue_log in either of its common forms and hands each line on as an {@link Event}:
 *
 * <ul>
 *   <li>the native text log, {@code epoch|callid|queuename|agent|EVENT|data1|...|data5} (any number
 *       of data fields: they differ between Asterisk versions);
 *   <li>a CSV export of the realtime table, with a header: a time column (epoch seconds, or a
 *       timestamp with an offset), callid, queuename (or queue_name), agent, event, and the
 *       parameters as {@code data1..data5}, as one pipe-separated {@code data} column, or in the
 *       reshaped columns of voipreports-style exports ({@code param1..3, entpos, expos, htime,
 *       ttime}), which are put back in the native positions.
 * </ul>
 */
public final class LogReader {
  private static final List<String> TIME_COLUMNS =
      List.of("epoch", "date_time", "timestamp", "time", "datetime", "created", "event_time");
  private static final List<String> CALLID_COLUMNS = List.of("callid", "call_id", "uniqueid");
  private static final List<String> QUEUE_COLUMNS = List.of("queuename", "queue_name", "queue");
  private static final List<String> AGENT_COLUMNS =
      List.of("agent", "membername", "member", "type");
  private static final List<String> EVENT_COLUMNS = List.of("event", "verb");

  /** What this importer reads, for the messages that refuse anything else. */
  public static final String EXPECTED =
      "expected a queue_log: native lines epoch|callid|queuename|agent|EVENT|data..."
          + " or a CSV export with a header naming time, callid, queuename, agent, event and data1..data5";

  /**
   * How far back, in seconds of log time, a line is remembered to recognise its exact repeats:
   * repeats share their time, and a queue_log is written in time order, so an hour bounds the
   * memory without missing any real repeat.
   */
  static final long REPEAT_WINDOW_S = 3600;

  private final String file;
  private final Consumer<Event> sink;
  private final TreeMap<Long, Set<String>> seen = new TreeMap<>();
  private long duplicates;

  /**
   * What a read saw: lines (blank lines included), and exact repeats of an earlier line, which were
   * skipped.
   */
  public record Result(long lines, long duplicates) {}

  private LogReader(String file, Consumer<Event> sink) {
    this.file = file;
    this.sink = sink;
  }

  /**
   * Reads every line of the content and hands on each event once: a line that repeats an earlier
   * line exactly (in a CSV export, every column but the export's row id: uid or id) is the same
   * event logged twice, and is counted instead. An empty file reads as 0 lines.
   */
  public static Result read(InputStream content, String file, Consumer<Event> sink) {
    LogReader reader = new LogReader(file, sink);
    try {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 1 << 16);
      in.mark(1 << 16);
      String first = null;
      long blank = 0;
      String l;
      while ((l = in.readLine()) != null) {
        l = stripBom(l);
        if (!l.isBlank()) {
          first = l;
          break;
        }
        blank++;
      }
      if (first == null) return new Result(0, 0); // nothing but white space: truly empty
      in.reset();
      long lines = isNative(first) ? reader.readNative(in) : reader.readCsv(in);
      return new Result(lines, reader.duplicates);
    } catch (IOException e) {
      throw new ImportException(file, 0, null, null, "could not be read: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new ImportException(
          file, 0, null, null, "could not be read: " + e.getCause().getMessage());
    }
  }

  private static String stripBom(String l) {
    return !l.isEmpty() && l.charAt(0) == '\uFEFF' ? l.substring(1) : l;
  }

  private static boolean isNative(String line) {
    int bar = line.indexOf('|');
    return bar > 0 && isEpoch(line.substring(0, bar).strip());
  }

  private static boolean isEpoch(String s) {
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s : s.substring(0, dot);
    String frac = dot < 0 ? "" : s.substring(dot + 1);
    return !whole.isEmpty()
        && whole.length() <= 12
        && frac.length() <= 9
        && digits(whole)
        && digits(frac);
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  private static Instant epoch(String s) {
    int dot = s.indexOf('.');
    long seconds = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
    long nanos = 0;
    if (dot >= 0 && dot + 1 < s.length()) {
      String frac = (s.substring(dot + 1) + "000000000").substring(0, 9);
      nanos = Long.parseLong(frac);
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private long readNative(BufferedReader in) throws IOException {
    long line = 0;
    String text;
    while ((text = in.readLine()) != null) {
      line++;
      if (line == 1) text = stripBom(text);
      if (text.isBlank()) continue;
      String[] f = text.split("\\|", -1);
      if (f.length < 5) {
        throw new ImportException(
            file,
            line,
            null,
            text,
            "has "
                + f.length
                + " field"
                + (f.length == 1 ? "" : "s")
                + " separated by |; "
                + EXPECTED);
      }
      String time = f[0].strip();
      if (!isEpoch(time)) {
        throw new ImportException(
            file,
            line,
            "time",
            time,
            "is not a time in seconds since 1970 (such as" + " 1543602677); " + EXPECTED);
      }
      String[] data = new String[f.length - 5];
      System.arraycopy(f, 5, data, 0, data.length);
      take(event(line, epoch(time), f[1], f[2], f[3], f[4], data, new String[0]), text);
    }
    return line;
  }

  /**
   * Hands an event on, unless its line ({@code text}: the line, or a CSV row without its row id)
   * came before.
   */
  private void take(Event e, String text) {
    long second = e.at().getEpochSecond();
    if (!seen.computeIfAbsent(second, k -> new HashSet<>()).add(text)) {
      duplicates++;
      return;
    }
    if (seen.lastKey() - seen.firstKey() > REPEAT_WINDOW_S)
      seen.headMap(seen.lastKey() - REPEAT_WINDOW_S).clear();
    sink.accept(e);
  }

  private Event event(
      long line,
      Instant at,
      String callid,
      String queue,
      String agent,
      String name,
      String[] data,
      String[] origin) {
    String ev = name == null ? "" : name.strip();
    if (ev.isEmpty()) {
      throw new ImportException(
          file, line, "event", "", "is empty; expected an event name such as ENTERQUEUE");
    }
    return new Event(
        file, line, at, nonNone(callid), nonNone(queue), nonNone(agent), ev, data, origin);
  }

  private static String nonNone(String s) {
    if (s == null) return null;
    String t = s.strip();
    return t.isEmpty() || t.equalsIgnoreCase("NONE") ? null : t;
  }

  private long readCsv(Reader in) {
    CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .detectBomHeader(false)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .skipEmptyLines(true)
            .ofCsvRecord(in);
    Iterator<CsvRecord> it = csv.iterator();
    long lastLine = 0;
    try {
      CsvRecord header = it.next();
      lastLine = header.getStartingLineNumber();
      Map<String, Integer> cols = new HashMap<>();
      for (int i = 0; i < header.getFieldCount(); i++) {
        cols.putIfAbsent(stripBom(header.getField(i)).strip().toLowerCase(Locale.ROOT), i);
      }
      Columns c = new Columns(cols, header.getStartingLineNumber());
      while (it.hasNext()) {
        CsvRecord rec = it.next();
        long line = rec.getStartingLineNumber();
        lastLine = line;
        if (rec.getFieldCount() == 1 && rec.getField(0).isBlank()) continue;
        if (rec.getFieldCount() != header.getFieldCount()) {
          throw new ImportException(
              file,
              line,
              null,
              null,
              "has "
                  + rec.getFieldCount()
                  + " values but the header has "
                  + header.getFieldCount()
                  + " columns; expected one value per column (quote values that contain commas)");
        }
        take(c.event(rec, line), c.withoutRowId(rec));
      }
      return lastLine;
    } catch (CsvParseException e) {
      throw new ImportException(
          file, lastLine + 1, null, null, "is not valid CSV: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new ImportException(
          file, 0, null, null, "could not be read: " + e.getCause().getMessage());
    }
  }

  /** Where each part of an event is in the CSV's columns. */
  private final class Columns {
    final Map<String, Integer> cols;
    final List<String> times;
    final int callid;
    final int queue;
    final int agent;
    final int event;
    final int[] dataN;
    final int data;
    final boolean reshaped;

    /**
     * The column of the export's own row number (uid, id), which differs between two copies of one
     * line.
     */
    final int rowId;

    Columns(Map<String, Integer> cols, long headerLine) {
      this.cols = cols;
      this.rowId = cols.getOrDefault("uid", cols.getOrDefault("id", -1));
      this.times = TIME_COLUMNS.stream().filter(cols::containsKey).toList();
      this.event = first(EVENT_COLUMNS);
      this.callid = first(CALLID_COLUMNS);
      this.queue = first(QUEUE_COLUMNS);
      this.agent = first(AGENT_COLUMNS);
      if (event < 0 || callid < 0 || times.isEmpty()) {
        String missing = event < 0 ? "event" : callid < 0 ? "callid" : "time (epoch seconds)";
        throw new ImportException(
            file, headerLine, null, null, "has no " + missing + " column; " + EXPECTED);
      }
      int n = 0;
      while (cols.containsKey("data" + (n + 1))) n++;
      dataN = new int[n];
      for (int i = 0; i < n; i++) dataN[i] = cols.get("data" + (i + 1));
      data = cols.getOrDefault("data", -1);
      reshaped = n == 0 && data < 0 && (cols.containsKey("htime") || cols.containsKey("param1"));
    }

    private int first(List<String> names) {
      for (String name : names) {
        Integer i = cols.get(name);
        if (i != null) return i;
      }
      return -1;
    }

    /** The row's values but its row id, to tell a repeated line. */
    String withoutRowId(CsvRecord rec) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < rec.getFieldCount(); i++) {
        if (i != rowId) b.append(rec.getField(i)).append('\u0000');
      }
      return b.toString();
    }

    Event event(CsvRecord rec, long line) {
      Instant at = null;
      for (String t : times) {
        String v = rec.getField(cols.get(t)).strip();
        if (isEpoch(v)) {
          at = epoch(v);
        } else if (!v.isEmpty()) {
          at = Timestamps.parse(v);
        }
        if (at != null) break;
      }
      if (at == null) {
        String col = times.get(0);
        throw new ImportException(
            file,
            line,
            col,
            rec.getField(cols.get(col)).strip(),
            "is not a time in seconds"
                + " since 1970 (such as 1543602677) or a timestamp with an offset; a local date-time without a zone would"
                + " be a guess");
      }
      String name = rec.getField(event);
      String ev = name.strip().toUpperCase(Locale.ROOT);
      String[] d;
      String[] origin;
      if (dataN.length > 0) {
        d = new String[dataN.length];
        origin = new String[dataN.length];
        for (int i = 0; i < dataN.length; i++) {
          d[i] = rec.getField(dataN[i]);
          origin[i] = "data" + (i + 1);
        }
      } else if (data >= 0) {
        d = rec.getField(data).split("\\|", -1);
        origin = new String[d.length];
        for (int i = 0; i < d.length; i++) origin[i] = "data (part " + (i + 1) + ")";
      } else if (reshaped) {
        origin = reshapedColumns(ev);
        d = new String[origin.length];
        for (int i = 0; i < origin.length; i++) {
          Integer c = origin[i] == null ? null : cols.get(origin[i]);
          d[i] = c == null ? null : rec.getField(c);
        }
      } else {
        d = new String[0];
        origin = new String[0];
      }
      return LogReader.this.event(
          line,
          at,
          rec.getField(callid),
          queue < 0 ? null : rec.getField(queue),
          agent < 0 ? null : rec.getField(agent),
          name,
          d,
          origin);
    }
  }

  /**
   * For exports that spread the parameters over named columns (param1..3, entpos, expos, htime,
   * ttime): which column holds each native parameter of an event. Observed in the voipreports
   * export: durations in htime (hold, wait, or ring milliseconds) and ttime (talk), positions in
   * entpos/expos, the caller id in param1.
   */
  static String[] reshapedColumns(String event) {
    return switch (event) {
      case "ENTERQUEUE" -> new String[] {null, "param1", "entpos"};
      case "CONNECT" -> new String[] {"htime", "param2", "param3"};
      case "COMPLETEAGENT", "COMPLETECALLER" -> new String[] {"htime", "ttime", "entpos"};
      case "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY" -> new String[] {"expos", "entpos", "htime"};
      case "EXITWITHKEY" -> new String[] {"param2", "expos", "entpos", "htime"};
      case "RINGNOANSWER", "RINGCANCELED" -> new String[] {"htime"};
      case "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER" ->
          new String[] {"param2", "param3", "htime", "ttime", "entpos"};
      default -> new String[] {"param1", "param2", "param3"};
    };
  }
}
