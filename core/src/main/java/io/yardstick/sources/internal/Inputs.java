package io.yardstick.sources.internal;

import io.yardstick.YardstickException;
import io.yardstick.ingest.CountingInputStream;
import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Opening a source for the foreign-format importers: gzip told by its content, progress in bytes
 * read.
 */
public final class Inputs {
  private Inputs() {}

  /** The end of the message of a failure Yardstick did not foresee. */
  public static final String UNFORESEEN = "an unforeseen failure; please report it with this file";

  /**
   * Runs part of an import, turning a failure Yardstick did not foresee (a bug, not a bad file)
   * into the import error {@code where} makes, naming the file and, where the caller knows them,
   * the record and field; so that no import ends with a stack trace, and the load it was feeding is
   * discarded whole. Import errors pass through.
   */
  public static <T> T guarded(Supplier<T> body, Function<RuntimeException, ImportException> where) {
    try {
      return body.get();
    } catch (YardstickException e) {
      throw e;
    } catch (RuntimeException e) {
      throw where.apply(e);
    }
  }

  /** A whole import, guarded: an unforeseen failure names the file. */
  public static <T> T guarded(ImportSource source, Supplier<T> importing) {
    return guarded(
        importing,
        e ->
            new ImportException(
                source.name(),
                0,
                null,
                null,
                "could not be imported: " + e + " (" + UNFORESEEN + ")"));
  }

  /**
   * The content of the source (gunzipped when it starts with gzip's magic bytes), reporting bytes
   * read.
   */
  public static InputStream open(ImportSource source, LongConsumer progress) {
    try {
      InputStream raw = new CountingInputStream(source.opener().open(), progress);
      BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
      in.mark(2);
      int b1 = in.read();
      int b2 = in.read();
      in.reset();
      if (b1 == 0x1f && b2 == 0x8b) {
        return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      return in;
    } catch (java.util.zip.ZipException e) {
      throw new ImportException(
          source.name(), 0, null, null, "is not a valid gzip file (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new ImportException(
          source.name(), 0, null, null, "could not be read: " + e.getMessage());
    }
  }
}
