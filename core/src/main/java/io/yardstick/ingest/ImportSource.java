package io.yardstick.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where an import reads from: a file, or standard input when the name is {@code -}. The format is
 * told by the content: gzip by its magic bytes, JSON Lines when the first non-blank character is
 * <code>{</code>, CSV otherwise.
 *
 * @param name the name used in messages (the path as the user typed it, or "standard input")
 * @param sizeBytes the size on disk, or -1 when unknown (standard input)
 * @param path the file on disk, or null (standard input, bytes in memory): a store may hand a plain
 *     CSV file to its own reader ({@link PlainCsv})
 */
public record ImportSource(String name, InputStreamOpener opener, long sizeBytes, Path path) {

  public ImportSource(String name, InputStreamOpener opener, long sizeBytes) {
    this(name, opener, sizeBytes, null);
  }

  /** Opens the bytes of the source, once. */
  @FunctionalInterface
  public interface InputStreamOpener {
    InputStream open() throws IOException;
  }

  public static ImportSource of(String pathOrDash) {
    if (pathOrDash.equals("-")) {
      return new ImportSource("standard input", () -> System.in, -1);
    }
    Path path = Path.of(pathOrDash);
    if (!Files.isRegularFile(path)) {
      throw new ImportException(
          pathOrDash,
          0,
          null,
          null,
          Files.isDirectory(path)
              ? "is a directory; give a CSV or JSON Lines file"
              : "does not exist");
    }
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      size = -1;
    }
    return new ImportSource(
        pathOrDash,
        () -> {
          try {
            return Files.newInputStream(path);
          } catch (NoSuchFileException e) {
            throw new ImportException(pathOrDash, 0, null, null, "does not exist");
          }
        },
        size,
        path);
  }

  public static ImportSource of(String name, byte[] content) {
    return new ImportSource(name, () -> new java.io.ByteArrayInputStream(content), content.length);
  }
}
