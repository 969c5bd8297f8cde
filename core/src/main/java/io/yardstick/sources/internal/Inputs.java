package io.yardstick.sources.internal;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/** Opening a source for the foreign-format importers: gzip told by its content, progress in bytes read. */
public final class Inputs {
  private Inputs() {}

  /** The content of the source (gunzipped when it starts with gzip's magic bytes), reporting bytes read. */
  public static InputStream open(ImportSource source, LongConsumer progress) {
    try {
      InputStream raw = new Counting(source.opener().open(), progress);
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
      throw new ImportException(source.name(), 0, null, null, "is not a valid gzip file (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new ImportException(source.name(), 0, null, null, "could not be read: " + e.getMessage());
    }
  }

  private static final class Counting extends FilterInputStream {
    private final LongConsumer progress;
    private long count;
    private long reported;

    Counting(InputStream in, LongConsumer progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) advance(1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) advance(n);
      return n;
    }

    private void advance(int n) {
      count += n;
      if (count - reported >= (1 << 20)) {
        reported = count;
        progress.accept(count);
      }
    }

    @Override
    public void close() throws IOException {
      progress.accept(count);
      super.close();
    }
  }
}
