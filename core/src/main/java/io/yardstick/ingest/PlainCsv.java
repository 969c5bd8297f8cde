package io.yardstick.ingest;

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
  public record Plan(
      RecordType type, String name, Path path, long sizeBytes, int[] fieldAt, boolean crlf) {}

  /** What {@link #scan} found: whether the file is plain, and how many records it holds. */
  public record Scan(boolean plain, long records, String why) {}

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
    return new Plan(type, source.name(), source.path(), source.sizeBytes(), fieldAt, crlf);
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
    Scanner scanner = new Scanner(plan.fieldAt().length, plan.crlf());
    long read = 0;
    try (InputStream in = Files.newInputStream(plan.path())) {
      while (true) {
        int r = scanner.fill(in);
        if (r > 0) {
          read += r;
          progress.accept(read);
          if (stop.getAsBoolean()) return new Scan(false, 0, "stopped");
        }
        if (!scanner.run()) return notPlain(read, scanner.why);
        if (r < 0) break;
      }
    } catch (IOException e) {
      return new Scan(false, 0, "unreadable: " + e.getMessage());
    }
    return scanner.finish() ? new Scan(true, scanner.records, null) : notPlain(read, scanner.why);
  }

  /** The scan's state between blocks. */
  private static final class Scanner {
    final int width;
    final boolean crlf;
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
    String why;

    Scanner(int width, boolean crlf) {
      this.width = width;
      this.crlf = crlf;
      buf[0] = '\n';
    }

    /** Keeps the unread bytes (and the one before them) and reads more; -1 at the end. */
    int fill(InputStream in) throws IOException {
      int keep = len - (i - 1);
      System.arraycopy(buf, i - 1, buf, 0, keep);
      len = keep;
      i = 1;
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
            } else if (b == ',') {
              fields++;
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
              state = QUOTED; // an escaped quote
              i++;
            } else if (spaceBeforeQuote) {
              return fail("a quoted value ending with white space");
            } else if (b == ',') {
              fields++;
              state = FIELD_START;
              i++;
            } else if (b == '\n' || b == '\r') {
              if (!lineEnd()) return false;
            } else {
              return fail("text after a closing quote");
            }
          }
          default -> throw new IllegalStateException();
        }
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
        if (fields + 1 != width) return fail("a record of another width");
        records++;
      }
      records = Math.max(records, 0);
      return true;
    }
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
    return new Scan(false, 0, why + " at byte " + offset);
  }

  /** The ASCII characters {@link String#strip()} removes, line ends aside. */
  private static boolean space(int b) {
    return b == ' ' || b == '\t' || b == 0x0B || b == 0x0C || b >= 0x1C && b <= 0x1F;
  }
}
