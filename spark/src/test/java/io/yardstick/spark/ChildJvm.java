package io.yardstick.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Child JVMs the Spark tests start: a Spark Connect server, an import to kill, a spark-submit. They
 * get Spark's module options (the {@code spark.jvm.options} Surefire passes) and a class path made
 * from this JVM's.
 */
final class ChildJvm {
  private ChildJvm() {}

  /**
   * The tests' class path (Surefire's, which its fork may hide behind a manifest-only jar), without
   * the entries {@code drop} matches.
   */
  static List<String> classPath(Predicate<String> drop) {
    List<String> out = new ArrayList<>();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String e : cp.split(File.pathSeparator)) {
      if (!e.isBlank() && !drop.test(e)) out.add(e);
    }
    return out;
  }

  /** The jars of the Spark Connect server (target/connect-server, copied by the build). */
  static List<String> connectServerJars() {
    Path dir = Path.of(System.getProperty("connect.server.jars", "target/connect-server"));
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(Path::toString).filter(p -> p.endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("No Spark Connect server jars in " + dir, e);
    }
  }

  static List<String> sparkOptions() {
    String opts = System.getProperty("spark.jvm.options", "");
    return Arrays.stream(opts.split("\\s+")).filter(s -> !s.isBlank()).toList();
  }

  /** Starts {@code main} with the class path, JVM options and arguments; output goes to log. */
  static Process start(
      List<String> classPath, List<String> jvmOptions, String main, List<String> args, Path log) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(sparkOptions());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classPath));
    cmd.add(main);
    cmd.addAll(args);
    try {
      return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the process listens on the port; fails with its log if it dies or is late. */
  static void awaitPort(Process p, int port, Duration limit, Path log) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (!p.isAlive()) throw new AssertionError("The child process ended early:\n" + tail(log));
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(500);
      }
    }
    throw new AssertionError("The child process did not listen on " + port + ":\n" + tail(log));
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static void stop(Process p) throws InterruptedException {
    if (p == null) return;
    p.destroy();
    if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
  }
}
