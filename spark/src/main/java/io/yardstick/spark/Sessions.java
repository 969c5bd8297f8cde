package io.yardstick.spark;

import io.yardstick.store.StoreException;
import org.apache.spark.sql.SparkSession;

/**
 * One Spark session per JVM (Spark allows one context per JVM): each store gets a {@link
 * SparkSession#newSession()} of it (its own temporary views and settings, the shared executors).
 */
public final class Sessions {
  private static SparkSession root;
  private static String rootMaster;

  private Sessions() {}

  /** A new session on the JVM's shared context, started on first use. */
  public static synchronized SparkSession embedded(String master) {
    if (root == null) {
      root =
          SparkSession.builder()
              .appName("yardstick")
              .master(master)
              .config("spark.ui.enabled", "false")
              .config("spark.ui.showConsoleProgress", "false")
              .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions(master)))
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.ansi.enabled", "false")
              .config("spark.sql.datetime.java8API.enabled", "true")
              .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
              .getOrCreate();
      root.sparkContext().setLogLevel("WARN");
      rootMaster = master;
    } else if (!rootMaster.equals(master)) {
      throw new StoreException(
          "This process already runs Spark on "
              + rootMaster
              + ", and Spark allows one master per process; use spark:"
              + rootMaster
              + " or another process for "
              + master
              + ".");
    }
    return configure(root.newSession());
  }

  /**
   * A session on a Spark Connect server ({@code sc://host:port}, with Connect's own parameters such
   * as {@code ;token=...;use_ssl=true} after the port): the queries and the lake's data files run
   * on the cluster behind it; this process keeps only the client.
   */
  public static SparkSession connect(String url) {
    try {
      return configure(org.apache.spark.sql.connect.SparkSession.builder().remote(url).create());
    } catch (RuntimeException e) {
      throw new StoreException(
          "Cannot reach the Spark Connect server at " + url + ": " + e.getMessage(), e);
    }
  }

  /** Whether the session is a Spark Connect client's (no SparkContext in this process). */
  public static boolean isConnect(SparkSession session) {
    return session instanceof org.apache.spark.sql.connect.SparkSession;
  }

  /** The settings every Yardstick session needs (the SQL the renderer writes relies on them). */
  public static SparkSession configure(SparkSession session) {
    session.conf().set("spark.sql.session.timeZone", "UTC");
    // Yardstick wants null for x / 0 (a rate without a denominator), as DuckDB and PostgreSQL give.
    session.conf().set("spark.sql.ansi.enabled", "false");
    session.conf().set("spark.sql.datetime.java8API.enabled", "true");
    session.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    return session;
  }

  /** Few shuffle partitions on a small local master (the default 200 costs seconds per query). */
  static int shufflePartitions(String master) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("local\\[(\\d+)\\]").matcher(master);
    if (m.matches()) return Math.max(2, Integer.parseInt(m.group(1)));
    if (master.startsWith("local")) return 2;
    return 200;
  }
}
