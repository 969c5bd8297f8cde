package io.yardstick.ingest;

import io.yardstick.model.FieldType;
import io.yardstick.model.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * A CSV file that a store's own parallel reader may take as written, because every value in it
 * reads the same there as through {@link RecordReader}: a file on disk, neither gzip nor JSON
 * Lines, its header on the first line, every record as wide as the header, no empty lines, no value
 * beginning or ending with white space (which {@link RowParser} strips), no quote except around a
 * whole value, one kind of line end. {@link #plan} looks at the header; {@link #scan} reads every
 * byte once (about a tenth of a second per 100 MB) and counts the records, so that the store can
 * check that its reader saw as many.
 *
 * <p>Whatever is not plain, and every file with a bad value, goes through {@link RecordReader},
 * whose messages name the line, column and value: a plain file only changes who does the work.
 */
public final class PlainCsv {
  private PlainCsv() {}

  /**
   * A file whose header is the type's.
   *
   * @param fieldAt for each column of the file, the index of its field in {@link
   *     RecordType#fields()}, or -1
   * @param crlf whether its lines end with CR LF
   */
  public record Plan(RecordType type, Path path, long sizeBytes, int[] fieldAt, boolean crlf) {}

  /**
   * What {@link #scan} found: whether the file is plain, how many records it holds, and whether no
   * key is written twice (known only for a type whose key is one text field; false when unknown).
   */
  public record Scan(boolean plain, long records, boolean keysUnique, String why) {}

  /**
   * The one written form a plain file may give a value of each field type, checked by {@link
   * #scan}: a store's reader then only has to type the text, not to check its form. Empty values
   * are absent values whatever the type.
   *
   * <ul>
   *   <li>{@code INSTANT}: {@code YYYY-MM-DD[T ]hh:mm:ss[.ffffff]} and {@code Z}, {@code ±hh:mm},
   *       {@code ±hhmm} or {@code ±hh} (offsets up to 18 hours), years 1900-2199; what {@link
   *       Timestamps} reads in these forms is the instant any ISO-8601 reader reads;
   *   <li>{@code DATE}: {@code YYYY-MM-DD}, years 1900-2199;
   *   <li>{@code SECONDS}: digits with at most one decimal point; {@code MONEY}: an optional minus,
   *       up to 14 digits, up to 4 decimals; {@code SCORE}: an optional sign and up to 9 digits;
   *   <li>words, choices, booleans, currencies, ticket statuses: ASCII, so that lowercasing is the
   *       same everywhere;
   *   <li>tags: none (a file with tags is not plain); text: any.
   * </ul>
   */
  public enum Form {
    ANY,
    ASCII,
    INSTANT,
    DATE,
    SECONDS,
    MONEY,
    SCORE,
    NONE;

    static Form of(FieldType type) {
      return switch (type) {
        case TEXT -> ANY;
        case INSTANT -> INSTANT;
        case DATE -> DATE;
        case SECONDS -> SECONDS;
        case MONEY -> MONEY;
        case SCORE -> SCORE;
        case TAGS -> NONE;
        default -> ASCII;
      };
    }
  }

  private static final int MAX_HEADER = 1 << 16;

  /**
   * The plan for a source, or null when it is not a plain CSV file of a type without attributes
   * (its header is then checked by the read that follows).
   */
  public static Plan plan(RecordType type, ImportSource source) {
    if (source.path() == null || type.hasAttributes()) return null;
    byte[] head;
    try (InputStream in = Files.newInputStream(source.path())) {
      head = in.readNBytes(MAX_HEADER);
    } catch (IOException e) {
      return null;
    }
    int start =
        head.length >= 3
                && (head[0] & 0xFF) == 0xEF
                && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    int end = -1;
    for (int i = start; i < head.length; i++) {
      byte b = head[i];
      if (b == '\n') {
        end = i;
        break;
      }
      // a quoted name, an opening brace (JSON Lines), gzip's magic byte, control bytes: not plain
      if (b == '"'
          || b == '{'
          || b == '\r' && i + 1 < head.length && head[i + 1] != '\n'
          || (b & 0xFF) == 0x1F
          || b == 0) {
        return null;
      }
    }
    if (end <= start) return null;
    boolean crlf = head[end - 1] == '\r';
    String line = new String(head, start, end - start - (crlf ? 1 : 0), StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>(List.of(line.split(",", -1)));
    int[] fieldAt;
    try {
      fieldAt = RecordReader.fieldColumns(type, source.name(), names);
    } catch (ImportException e) {
      return null;
    }
    return new Plan(type, source.path(), source.sizeBytes(), fieldAt, crlf);
  }

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int AFTER_QUOTE = 3;

  /** Bytes an unquoted value cannot skip over: delimiters, quotes, NUL, lead bytes of spaces. */
  private static final boolean[] STOP_UNQUOTED = new boolean[256];

  /** Bytes a quoted value cannot skip over. */
  private static final boolean[] STOP_QUOTED = new boolean[256];

  static {
    for (int b : new int[] {',', '\n', '\r', '"', 0, 0xE1, 0xE2, 0xE3}) STOP_UNQUOTED[b] = true;
    for (int b : new int[] {'"', 0, 0xE1, 0xE2, 0xE3}) STOP_QUOTED[b] = true;
  }

  private static final int BLOCK = 1 << 20;

  /**
   * Reads the whole file and tells whether it is plain.
   *
   * @param progress receives the bytes read so far
   * @param stop checked between blocks: true ends the scan early, as not plain
   */
  public static Scan scan(Plan plan, LongConsumer progress, BooleanSupplier stop) {
    Scanner scanner = new Scanner(plan);
    long read = 0;
    try (InputStream in = Files.newInputStream(plan.path())) {
      while (true) {
        int r = scanner.fill(in);
        if (r > 0) {
          read += r;
          progress.accept(read);
          if (stop.getAsBoolean()) return new Scan(false, 0, false, "stopped");
        }
        if (!scanner.run()) return notPlain(read, scanner.why);
        if (read == r && r > 0 && scanner.keys != null && scanner.records > 0) {
          // after the first block: room for the keys the whole file is likely to hold
          scanner.keys.reserve(scanner.records * Math.max(plan.sizeBytes(), read) / read);
        }
        if (r < 0) break;
      }
    } catch (IOException e) {
      return new Scan(false, 0, false, "unreadable: " + e.getMessage());
    }
    return scanner.finish()
        ? new Scan(true, scanner.records, scanner.keysUnique(), null)
        : notPlain(read, scanner.why);
  }

  /** The longest value a tracked column (a form to check, or the key) keeps whole in the buffer. */
  private static final int MAX_TRACKED = 256;

  /** The scan's state between blocks. */
  private static final class Scanner {
    final int width;
    final boolean crlf;

    /** The form of each column's values. */
    final Form[] forms;

    /** The column of the key, when the key is one text field; else -1. */
    final int keyColumn;

    // buf[i - 1] is always the byte before buf[i]; two bytes past the limit stay for lookahead
    final byte[] buf = new byte[BLOCK + 3];
    int len = 1;
    int i = 1;
    boolean eof;
    boolean first = true;
    long records = -1; // the header is record 0
    int fields;
    int state = FIELD_START;
    boolean recordStart = true;
    boolean spaceBeforeQuote;

    /** Where the current value of a tracked column starts in buf (after its opening quote); -1. */
    int valueStart = -1;

    /** Where its closing quote is. */
    int quoteAt;

    String why;
    final KeySet keys;

    Scanner(Plan plan) {
      this.width = plan.fieldAt().length;
      this.crlf = plan.crlf();
      this.forms = new Form[width];
      int key = -1;
      RecordType type = plan.type();
      for (int c = 0; c < width; c++) {
        int f = plan.fieldAt()[c];
        forms[c] = f < 0 ? Form.ANY : Form.of(type.fields().get(f).type());
        if (f >= 0
            && type.key().size() == 1
            && type.key().get(0).equals(type.fields().get(f).name())
            && forms[c] == Form.ANY) {
          key = c;
        }
      }
      this.keyColumn = key;
      // about 20 M keys (160 MiB) within a 512 MiB heap
      this.keys = key >= 0 ? new KeySet(Runtime.getRuntime().maxMemory() / 3) : null;
      buf[0] = '\n';
    }

    boolean keysUnique() {
      return keys != null && keys.unique();
    }

    /** Keeps the unread bytes (from a tracked value's start) and reads more; -1 at the end. */
    int fill(InputStream in) throws IOException {
      int from = valueStart >= 0 ? Math.min(i - 1, valueStart - 1) : i - 1;
      int keep = len - from;
      System.arraycopy(buf, from, buf, 0, keep);
      len = keep;
      i -= from;
      if (valueStart >= 0) {
        valueStart -= from;
        quoteAt -= from;
      }
      int r = in.read(buf, len, buf.length - len);
      if (r < 0) {
        eof = true;
        return -1;
      }
      len += r;
      if (first && len - i >= 3) {
        first = false;
        if ((buf[1] & 0xFF) == 0xEF && (buf[2] & 0xFF) == 0xBB && (buf[3] & 0xFF) == 0xBF) {
          i = 4; // a byte order mark
        }
      }
      return r;
    }

    private boolean fail(String reason) {
      why = reason;
      return false;
    }

    private boolean tracked(int column) {
      return column < width && (forms[column] != Form.ANY || column == keyColumn);
    }

    /** Checks the value of the current column, [start, end) in buf; false when not plain. */
    private boolean value(int start, int end) {
      valueStart = -1;
      int column = fields;
      if (column >= width) return fail("a record of another width");
      if (start == end) return true; // absent
      if (end - start > MAX_TRACKED) {
        if (forms[column] != Form.ANY) return fail("a value too long for its column's form");
        keys.giveUp();
        return true;
      }
      if (column == keyColumn) keys.add(buf, start, end);
      if (!matches(forms[column], buf, start, end)) {
        return fail(
            "a "
                + forms[column].name().toLowerCase(java.util.Locale.ROOT)
                + " value in another form");
      }
      return true;
    }

    /** Ends a record at the line end at i; false when it is not plain. */
    private boolean lineEnd() {
      if (buf[i] == '\r') {
        if (!crlf || i + 1 >= len || buf[i + 1] != '\n') return fail("mixed line ends");
        i += 2;
      } else {
        if (crlf) return fail("mixed line ends");
        i++;
      }
      if (fields + 1 != width) return fail("a record of another width");
      records++;
      fields = 0;
      state = FIELD_START;
      recordStart = true;
      return true;
    }

    /** Scans the bytes read so far; false when the file is not plain. */
    boolean run() {
      int limit = eof ? len : len - 2;
      while (i < limit) {
        int b = buf[i] & 0xFF;
        switch (state) {
          case FIELD_START -> {
            if (b == '"') {
              int c = i + 1 < len ? buf[i + 1] & 0xFF : -1;
              if (space(c) || c == '\n' || c == '\r') {
                return fail("a quoted value beginning with white space");
              }
              state = QUOTED;
              recordStart = false;
              i++;
              if (records >= 0 && tracked(fields)) valueStart = i;
            } else if (b == ',') {
              fields++; // an empty value: absent, whatever the column
              recordStart = false;
              i++;
            } else if (b == '\n' || b == '\r') {
              if (recordStart) return fail("an empty line");
              if (!lineEnd()) return false;
            } else if (space(b)) {
              return fail("a value beginning with white space");
            } else {
              state = UNQUOTED;
              recordStart = false;
              if (records >= 0 && tracked(fields)) valueStart = i;
            }
          }
          case UNQUOTED -> {
            int j = i;
            while (j < limit && !STOP_UNQUOTED[buf[j] & 0xFF]) j++;
            i = j;
            if (j == limit) break;
            b = buf[j] & 0xFF;
            if (b == ',' || b == '\n' || b == '\r') {
              if (space(buf[j - 1] & 0xFF)) return fail("a value ending with white space");
              if (valueStart >= 0 && !value(valueStart, j)) return false;
              if (b != ',') {
                if (!lineEnd()) return false;
              } else {
                fields++;
                state = FIELD_START;
                i++;
              }
            } else if (b == '"') {
              return fail("a quote inside a value");
            } else if (b == 0 || unicodeSpace(buf, j, len)) {
              return fail("a NUL byte or a Unicode space");
            } else {
              i++;
            }
          }
          case QUOTED -> {
            int j = i;
            while (j < limit && !STOP_QUOTED[buf[j] & 0xFF]) j++;
            i = j;
            if (j == limit) break;
            b = buf[j] & 0xFF;
            if (b == '"') {
              // a closing quote, or the first of an escaped pair: AFTER_QUOTE tells
              int p = buf[j - 1] & 0xFF;
              spaceBeforeQuote = space(p) || p == '\n' || p == '\r';
              quoteAt = j;
              state = AFTER_QUOTE;
              i++;
            } else if (b == 0 || unicodeSpace(buf, j, len)) {
              return fail("a NUL byte or a Unicode space");
            } else {
              i++;
            }
          }
          case AFTER_QUOTE -> {
            if (b == '"') {
              // an escaped quote: no form has one; a key with one is not followed
              if (valueStart >= 0) {
                if (forms[fields] != Form.ANY) return fail("a quote in a typed value");
                keys.giveUp();
                valueStart = -1;
              }
              state = QUOTED;
              i++;
            } else if (spaceBeforeQuote) {
              return fail("a quoted value ending with white space");
            } else if (b == ',' || b == '\n' || b == '\r') {
              if (valueStart >= 0 && !value(valueStart, quoteAt)) return false;
              if (b == ',') {
                fields++;
                state = FIELD_START;
                i++;
              } else if (!lineEnd()) {
                return false;
              }
            } else {
              return fail("text after a closing quote");
            }
          }
          default -> throw new IllegalStateException();
        }
      }
      if (valueStart >= 0 && i - valueStart > MAX_TRACKED) {
        // a tracked value longer than any form, or a key too long to follow
        if (forms[fields] != Form.ANY) return fail("a value too long for its column's form");
        keys.giveUp();
        valueStart = -1;
      }
      return true;
    }

    /** At the end of the file: the last record, which may have no line end. */
    boolean finish() {
      if (state == QUOTED) return fail("an unterminated quote");
      if (state == AFTER_QUOTE && spaceBeforeQuote) {
        return fail("a quoted value ending with white space");
      }
      if (!recordStart) {
        if (state == UNQUOTED && space(buf[len - 1] & 0xFF)) {
          return fail("a value ending with white space");
        }
        if (valueStart >= 0 && !value(valueStart, state == AFTER_QUOTE ? quoteAt : len)) {
          return false;
        }
        if (fields + 1 != width) return fail("a record of another width");
        records++;
      }
      records = Math.max(records, 0);
      return true;
    }
  }

  /**
   * The 64-bit hashes of the keys seen, kept in a list within a memory budget and sorted at the end
   * (sequential writes and one sort cost a fifth of a hash table's random probes): no hash seen
   * twice proves no key written twice (equal keys hash alike); a repeated hash, or more keys than
   * the budget holds, leaves the question to the store.
   */
  private static final class KeySet {
    private final long maxKeys;
    private long[] hashes = new long[1 << 16];
    private int size;
    private boolean unknown;

    KeySet(long budgetBytes) {
      this.maxKeys = Math.min(Integer.MAX_VALUE - 16, Math.max(1 << 16, budgetBytes / 8));
    }

    void giveUp() {
      unknown = true;
      hashes = null;
    }

    /** Whether no hash was seen twice; sorts the list (call once, at the end). */
    boolean unique() {
      if (unknown) return false;
      java.util.Arrays.sort(hashes, 0, size);
      for (int k = 1; k < size; k++) {
        if (hashes[k] == hashes[k - 1]) return false;
      }
      return true;
    }

    /** Makes room for about this many keys at once, or gives up when they would not fit. */
    void reserve(long expected) {
      if (unknown) return;
      long wanted = expected + expected / 8 + 1024;
      if (wanted > maxKeys) {
        if (expected > maxKeys * 5 / 4) giveUp(); // far too many to follow
        return;
      }
      if (wanted > hashes.length) hashes = java.util.Arrays.copyOf(hashes, (int) wanted);
    }

    void add(byte[] buf, int start, int end) {
      if (unknown) return;
      if (size == hashes.length) {
        long grown = Math.min(maxKeys, hashes.length * 2L);
        if (grown <= size) {
          giveUp();
          return;
        }
        hashes = java.util.Arrays.copyOf(hashes, (int) grown);
      }
      long h = 0x9E3779B97F4A7C15L ^ (end - start);
      for (int k = start; k < end; k++) {
        h = (h ^ (buf[k] & 0xFF)) * 0x100000001B3L;
      }
      h ^= h >>> 33;
      h *= 0xFF51AFD7ED558CCDL;
      h ^= h >>> 33;
      h *= 0xC4CEB9FE1A85EC53L;
      h ^= h >>> 33;
      hashes[size++] = h;
    }
  }

  /** Whether buf[s, e) (not empty) has the form. */
  static boolean matches(Form form, byte[] b, int s, int e) {
    return switch (form) {
      case ANY -> true;
      case NONE -> false;
      case ASCII -> {
        for (int k = s; k < e; k++) {
          if (b[k] < 0) yield false;
        }
        yield true;
      }
      case INSTANT -> instant(b, s, e);
      case DATE -> e - s == 10 && date(b, s);
      case SECONDS -> {
        int k = digits(b, s, e);
        int whole = k - s;
        if (k < e && b[k] == '.') {
          int m = digits(b, k + 1, e);
          yield m == e && (whole > 0 || m > k + 1);
        }
        yield k == e && whole > 0;
      }
      case MONEY -> {
        int k = s < e && b[s] == '-' ? s + 1 : s;
        int m = digits(b, k, e);
        if (m == k || m - k > 14) yield false;
        if (m == e) yield true;
        int f = digits(b, m + 1, e);
        yield b[m] == '.' && f == e && f - m - 1 >= 1 && f - m - 1 <= 4;
      }
      case SCORE -> {
        int k = s < e && (b[s] == '-' || b[s] == '+') ? s + 1 : s;
        int m = digits(b, k, e);
        yield m == e && m > k && m - k <= 9;
      }
    };
  }

  /** The index after the digits from s (at most e). */
  private static int digits(byte[] b, int s, int e) {
    int k = s;
    while (k < e && b[k] >= '0' && b[k] <= '9') k++;
    return k;
  }

  /** Two digits at k as a number, or -1. */
  private static int two(byte[] b, int k) {
    int x = b[k] - '0';
    int y = b[k + 1] - '0';
    return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
  }

  /** {@code YYYY-MM-DD} at s, years 1900-2199, days 01-31 (the store checks the month's days). */
  private static boolean date(byte[] b, int s) {
    int century = two(b, s);
    int month = two(b, s + 5);
    int day = two(b, s + 8);
    return century >= 19
        && century <= 21
        && two(b, s + 2) >= 0
        && b[s + 4] == '-'
        && month >= 1
        && month <= 12
        && b[s + 7] == '-'
        && day >= 1
        && day <= 31;
  }

  /**
   * {@code YYYY-MM-DD[T ]hh:mm:ss[.ffffff]} then {@code Z}, {@code ±hh:mm}, {@code ±hhmm}, {@code
   * ±hh}.
   */
  private static boolean instant(byte[] b, int s, int e) {
    if (e - s < 20 || !date(b, s) || b[s + 10] != 'T' && b[s + 10] != ' ') return false;
    int hour = two(b, s + 11);
    int minute = two(b, s + 14);
    int second = two(b, s + 17);
    if (hour < 0 || hour > 23 || b[s + 13] != ':' || minute < 0 || minute > 59) return false;
    if (b[s + 16] != ':' || second < 0 || second > 59) return false;
    int k = s + 19;
    if (b[k] == '.') {
      int m = digits(b, k + 1, e);
      if (m == k + 1 || m - k - 1 > 6) return false;
      k = m;
    }
    if (k == e - 1) return b[k] == 'Z';
    if (k >= e || b[k] != '+' && b[k] != '-') return false;
    int rest = e - k - 1;
    int oh = rest >= 2 ? two(b, k + 1) : -1;
    int om;
    if (rest == 2) {
      om = 0;
    } else if (rest == 4) {
      om = two(b, k + 3);
    } else if (rest == 5 && b[k + 3] == ':') {
      om = two(b, k + 4);
    } else {
      return false;
    }
    return oh >= 0 && om >= 0 && om <= 59 && (oh <= 17 || oh == 18 && om == 0);
  }

  /** U+1680, U+2000..U+200A, U+2028, U+2029, U+205F, U+3000 (white space to Java's strip) at j. */
  private static boolean unicodeSpace(byte[] buf, int j, int len) {
    if (j + 2 >= len) return true; // cut short at the end of the file: not valid UTF-8 anyway
    int a = buf[j] & 0xFF;
    int b = buf[j + 1] & 0xFF;
    int c = buf[j + 2] & 0xFF;
    return a == 0xE1 && b == 0x9A && c == 0x80
        || a == 0xE2 && b == 0x80 && (c >= 0x80 && c <= 0x8A || c == 0xA8 || c == 0xA9)
        || a == 0xE2 && b == 0x81 && c == 0x9F
        || a == 0xE3 && b == 0x80 && c == 0x80;
  }

  private static Scan notPlain(long offset, String why) {
    return new Scan(false, 0, false, why + " at byte " + offset);
  }

  /** The ASCII characters {@link String#strip()} removes, line ends aside. */
  private static boolean space(int b) {
    return b == ' ' || b == '\t' || b == 0x0B || b == 0x0C || b >= 0x1C && b <= 0x1F;
  }
}
