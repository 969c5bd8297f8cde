package io.yardstick.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts bytes as they are read, and tells a progress listener every 1 MiB or so, and once more at
 * the end.
 */
public final class CountingInputStream extends FilterInputStream {
  private final LongConsumer progress;
  private long count;
  private long reported;

  public CountingInputStream(InputStream in, LongConsumer progress) {
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
