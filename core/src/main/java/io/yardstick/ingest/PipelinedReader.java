package io.yardstick.ingest;

import io.yardstick.model.RecordType;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Reads on one thread and feeds the sink on the calling thread, so that parsing and validation
 * overlap with the store's writes (on two cores an import is about as fast as the slower of the
 * two, not their sum). Rows travel in batches through a small bounded queue: memory stays flat
 * whatever the file size. The first error on either side stops both, and is thrown here.
 */
public final class PipelinedReader {
  private static final int BATCH = 2048;
  private static final int QUEUED_BATCHES = 8;

  private PipelinedReader() {}

  private record Batch(
      long[] lines, Object[][] rows, int size, RuntimeException failure, boolean last) {}

  public static RecordReader.ReadSummary read(
      RecordType type, ImportSource source, RowSink sink, LongConsumer progress) {
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    RecordReader.ReadSummary[] summary = new RecordReader.ReadSummary[1];
    Thread reader =
        Thread.ofPlatform()
            .name("yardstick-reader")
            .daemon()
            .unstarted(
                () -> {
                  long[] lines = new long[BATCH];
                  Object[][] rows = new Object[BATCH][];
                  int[] size = {0};
                  try {
                    summary[0] =
                        RecordReader.read(
                            type,
                            source,
                            (line, row) -> {
                              lines[size[0]] = line;
                              rows[size[0]] = row;
                              if (++size[0] == BATCH) {
                                put(
                                    queue,
                                    new Batch(lines.clone(), rows.clone(), BATCH, null, false));
                                size[0] = 0;
                              }
                            },
                            progress);
                    put(queue, new Batch(lines, rows, size[0], null, true));
                  } catch (RuntimeException e) {
                    if (!(e instanceof Cancelled)) {
                      put(queue, new Batch(null, null, 0, e, true));
                    }
                  }
                });
    reader.start();
    try {
      while (true) {
        Batch batch = queue.take();
        if (batch.failure() != null) throw batch.failure();
        for (int i = 0; i < batch.size(); i++) {
          sink.accept(batch.lines()[i], batch.rows()[i]);
        }
        if (batch.last()) break;
      }
      reader.join();
      return summary[0];
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportException(
          source.name(), 0, null, null, "was not fully read: the import was interrupted");
    } finally {
      if (reader.isAlive()) {
        reader.interrupt(); // the sink failed: stop reading
      }
    }
  }

  private static void put(BlockingQueue<Batch> queue, Batch batch) {
    try {
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        if (Thread.currentThread().isInterrupted()) throw new Cancelled();
      }
    } catch (InterruptedException e) {
      throw new Cancelled();
    }
  }

  /** The consumer gave up; the reader thread just ends. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }
}
