package io.yardstick.spark.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yardstick.model.Field;
import io.yardstick.model.FieldType;
import io.yardstick.model.RecordType;
import io.yardstick.spark.Sessions;
import io.yardstick.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * The record tables as Parquet under one root, partitioned by month, committed by a numbered
 * manifest (the scheme of Delta's log, reduced to what Yardstick needs, because neither Delta 4.1
 * nor Iceberg 1.11 runs on Spark 4.2; docs/scale-out.md).
 *
 * <pre>
 * ROOT/_manifests/00000000000000000007.json   the committed versions; the highest is current
 * ROOT/contacts/v7-UUID/month_=2026-03/part-*.parquet
 * </pre>
 *
 * A manifest lists, per table, the month folders that make it up. An import writes new folders for
 * the months it touches (the rows kept there plus the staged rows), then commits by creating the
 * next manifest under a name that must not exist yet (a rename that fails when another import got
 * there first). Until then nothing a reader sees has changed: a failed or killed import leaves
 * unreferenced folders, which the next import deletes. Months it does not touch are shared with the
 * previous version, so an import rewrites only the months it changes.
 */
public final class Lake {
  /** The tables that live in the lake: every record type, and the customers' attributes. */
  public static final List<String> TABLES;

  static {
    List<String> t = new ArrayList<>();
    for (RecordType type : RecordType.values()) {
      t.add(type.table());
      if (type.hasAttributes()) t.add(ATTRIBUTES());
    }
    TABLES = List.copyOf(t);
  }

  private static String ATTRIBUTES() {
    return "customer_attributes";
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NULL_MONTH = "__HIVE_DEFAULT_PARTITION__";

  private final SparkSession spark;
  private final Path root;
  private final FileSystem fs;

  public Lake(SparkSession spark, String root) {
    this.spark = spark;
    try {
      // Through Spark Connect this process has no SparkContext: the manifests (small JSON files)
      // are
      // read and committed with this process's own Hadoop configuration (core-site.xml on the class
      // path or in HADOOP_CONF_DIR), the data by the cluster; both must reach the same location.
      Configuration conf =
          Sessions.isConnect(spark)
              ? new Configuration()
              : spark.sparkContext().hadoopConfiguration();
      Path p = new Path(root);
      this.fs = p.getFileSystem(conf);
      this.root = fs.makeQualified(p);
      fs.mkdirs(new Path(this.root, "_manifests"));
    } catch (IOException e) {
      throw new StoreException("Cannot open the lake at " + root + ": " + e.getMessage(), e);
    }
  }

  public String root() {
    return root.toString();
  }

  /**
   * Copies a local file (an import's staged rows) under {@code ROOT/_staging/}, where every
   * executor of a cluster can read it, and returns its location there; {@link #dropUpload} removes
   * it.
   */
  public String upload(java.nio.file.Path local) {
    Path target =
        new Path(root, "_staging/" + UUID.randomUUID() + "/" + local.getFileName().toString());
    try {
      fs.copyFromLocalFile(false, true, new Path(local.toUri()), target);
      return target.toString();
    } catch (IOException e) {
      throw new StoreException(
          "Cannot copy " + local + " to the lake at " + root + ": " + e.getMessage(), e);
    }
  }

  /** Removes what {@link #upload} copied. */
  public void dropUpload(String location) {
    try {
      fs.delete(new Path(location).getParent(), true);
    } catch (IOException ignored) {
      // left under _staging, which no manifest names
    }
  }

  /** A committed state of the lake: its version and each table's month folders. */
  public record Manifest(long version, Map<String, Map<String, String>> tables) {
    List<String> folders(String table) {
      return List.copyOf(tables.getOrDefault(table, Map.of()).values());
    }
  }

  /** The current manifest (version 0, empty, before the first import). */
  public Manifest current() {
    try {
      long best = -1;
      for (FileStatus s : fs.listStatus(new Path(root, "_manifests"))) {
        String name = s.getPath().getName();
        if (name.matches("\\d{20}\\.json")) best = Math.max(best, Long.parseLong(name, 0, 20, 10));
      }
      if (best < 0) return new Manifest(0, Map.of());
      try (InputStream in = fs.open(manifestPath(best))) {
        JsonNode node = JSON.readTree(in);
        Map<String, Map<String, String>> tables = new TreeMap<>();
        node.get("tables")
            .properties()
            .forEach(
                e -> {
                  Map<String, String> months = new TreeMap<>();
                  e.getValue()
                      .properties()
                      .forEach(m -> months.put(m.getKey(), m.getValue().asText()));
                  tables.put(e.getKey(), months);
                });
        return new Manifest(best, tables);
      }
    } catch (IOException e) {
      throw new StoreException(
          "Cannot read the lake's manifest at " + root + ": " + e.getMessage(), e);
    }
  }

  private Path manifestPath(long version) {
    return new Path(root, "_manifests/" + String.format("%020d", version) + ".json");
  }

  /** A table of a manifest as a data frame (empty with the schema when it has no rows). */
  public Dataset<Row> read(Manifest m, String table, StructType schema) {
    List<String> folders = m.folders(table);
    if (folders.isEmpty()) return spark.createDataFrame(List.of(), schema);
    return spark.read().schema(schema).parquet(folders.toArray(String[]::new));
  }

  /**
   * What a table's rows are partitioned by: the month (UTC) of its first required date or instant.
   */
  static Column month(String table) {
    for (RecordType type : RecordType.values()) {
      if (!type.table().equals(table)) continue;
      for (Field f : type.fields()) {
        if (f.required() && (f.type() == FieldType.INSTANT || f.type() == FieldType.DATE)) {
          return functions.date_format(functions.col(f.name()), "yyyy-MM");
        }
      }
    }
    return functions.lit("all");
  }

  /** The key of a table's rows: a staged row replaces the stored rows with an equal key. */
  static List<String> key(String table) {
    if (table.equals(ATTRIBUTES())) return List.of("customer_id");
    for (RecordType type : RecordType.values()) {
      if (type.table().equals(table)) return type.key();
    }
    throw new IllegalArgumentException(table);
  }

  /**
   * The new rows of some tables, staged as data frames; {@code removeKeys} says, per table, the
   * keys whose stored rows go (the staged rows' own keys when absent).
   */
  public record Change(Dataset<Row> staged, Dataset<Row> removeKeys) {}

  /**
   * Commits a change of several tables as one new version: replacing all of a table's rows, or
   * merging by key. Returns, per table, how many stored rows were replaced. Fails, leaving the lake
   * as it was, when another import committed since {@code base} was read.
   */
  public Map<String, Long> commit(
      Manifest base,
      Map<String, Change> changes,
      boolean replaceAll,
      Map<String, StructType> schemas) {
    long next = base.version() + 1;
    Map<String, Map<String, String>> tables = new TreeMap<>();
    base.tables().forEach((k, v) -> tables.put(k, new TreeMap<>(v)));
    Map<String, Long> replaced = new LinkedHashMap<>();
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<String, Change> e : changes.entrySet()) {
        String table = e.getKey();
        Column month = month(table);
        Dataset<Row> staged = e.getValue().staged().withColumn("month_", month);
        Map<String, String> parts = tables.computeIfAbsent(table, t -> new TreeMap<>());
        Dataset<Row> rows;
        List<String> affected;
        if (!replaceAll && parts.isEmpty()) {
          // Nothing stored yet: the staged rows are the table (no join, no month scan).
          rows = staged;
          affected = List.of();
          replaced.put(table, 0L);
        } else if (replaceAll) {
          rows = staged;
          affected = new ArrayList<>(parts.keySet());
          replaced.put(table, read(base, table, schemas.get(table)).count());
        } else {
          Dataset<Row> keys = e.getValue().removeKeys().dropDuplicates();
          Dataset<Row> old = read(base, table, schemas.get(table)).withColumn("month_", month);
          Column on = null;
          for (String k : key(table)) {
            Column c = old.col(k).eqNullSafe(keys.col(k));
            on = on == null ? c : on.and(c);
          }
          Dataset<Row> hit = old.join(keys, on, "left_semi");
          List<Row> hitMonths = hit.groupBy("month_").count().collectAsList();
          long hits = 0;
          java.util.Set<String> months = new java.util.TreeSet<>();
          for (Row r : hitMonths) {
            months.add(r.isNullAt(0) ? NULL_MONTH : r.getString(0));
            hits += r.getLong(1);
          }
          replaced.put(table, hits);
          for (Row r : staged.select("month_").distinct().collectAsList()) {
            months.add(r.isNullAt(0) ? NULL_MONTH : r.getString(0));
          }
          affected = new ArrayList<>(months);
          List<String> oldFolders = new ArrayList<>();
          for (String m : affected) if (parts.containsKey(m)) oldFolders.add(parts.get(m));
          Dataset<Row> kept =
              oldFolders.isEmpty()
                  ? spark.createDataFrame(List.of(), schemas.get(table)).withColumn("month_", month)
                  : spark
                      .read()
                      .schema(schemas.get(table))
                      .parquet(oldFolders.toArray(String[]::new))
                      .withColumn("month_", month);
          Dataset<Row> keys2 = e.getValue().removeKeys().dropDuplicates();
          Column on2 = null;
          for (String k : key(table)) {
            Column c = kept.col(k).eqNullSafe(keys2.col(k));
            on2 = on2 == null ? c : on2.and(c);
          }
          rows = kept.join(keys2, on2, "left_anti").unionByName(staged);
        }
        for (String m : affected) parts.remove(m);
        Path dir = new Path(root, table + "/v" + next + "-" + UUID.randomUUID());
        written.add(dir);
        rows.write().partitionBy("month_").parquet(dir.toString());
        if (fs.exists(dir)) {
          for (FileStatus s : fs.listStatus(dir)) {
            String name = s.getPath().getName();
            if (s.isDirectory() && name.startsWith("month_=")) {
              parts.put(name.substring("month_=".length()), s.getPath().toString());
            }
          }
        }
      }
      ObjectNode node = JSON.createObjectNode();
      node.put("version", next);
      ObjectNode t = node.putObject("tables");
      tables.forEach(
          (name, months) -> {
            ObjectNode o = t.putObject(name);
            months.forEach(o::put);
          });
      Path tmp = new Path(root, "_manifests/.tmp-" + UUID.randomUUID());
      try (OutputStream out = fs.create(tmp, false)) {
        out.write(
            JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(node)
                .getBytes(StandardCharsets.UTF_8));
      }
      // The commit point: the rename fails when the version exists (another import committed).
      if (!fs.rename(tmp, manifestPath(next))) {
        fs.delete(tmp, false);
        throw new StoreException(
            "Another import committed to the lake at "
                + root
                + " while this one ran; nothing of this one was kept. Import it again.");
      }
      return replaced;
    } catch (IOException | RuntimeException e) {
      for (Path p : written) {
        try {
          fs.delete(p, true);
        } catch (IOException ignored) {
          // left for the next import's clean-up
        }
      }
      if (e instanceof StoreException se) throw se;
      throw new StoreException(
          "The import into the lake at " + root + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes table folders, and month folders, that no manifest from {@code keepFrom} on names
   * (those of failed or killed imports, and those older versions no longer need), and older
   * manifests.
   */
  public void cleanUp(long keepFrom) {
    try {
      Manifest cur = current();
      java.util.Set<String> live = new java.util.HashSet<>();
      java.util.Set<String> liveMonths = new java.util.HashSet<>();
      for (long v = Math.max(1, keepFrom); v <= cur.version(); v++) {
        if (!fs.exists(manifestPath(v))) continue;
        try (InputStream in = fs.open(manifestPath(v))) {
          JSON.readTree(in)
              .get("tables")
              .properties()
              .forEach(
                  e ->
                      e.getValue()
                          .properties()
                          .forEach(
                              m -> {
                                live.add(parentOf(m.getValue().asText()));
                                liveMonths.add(m.getValue().asText());
                              }));
        }
      }
      for (String table : TABLES) {
        Path dir = new Path(root, table);
        if (!fs.exists(dir)) continue;
        for (FileStatus s : fs.listStatus(dir)) {
          String name = s.getPath().getName();
          if (!name.startsWith("v")) continue;
          long v = Long.parseLong(name.substring(1, name.indexOf('-')));
          // Unreferenced folders of a taken version number are a failed or killed import's, or
          // of a version no longer kept; a higher number may be an import still running.
          if (v > cur.version()) continue;
          if (!live.contains(s.getPath().toString())) {
            fs.delete(s.getPath(), true);
            continue;
          }
          // A folder still in use may hold months a later version rewrote (erased rows among
          // them): those go.
          for (FileStatus m : fs.listStatus(s.getPath())) {
            if (m.isDirectory()
                && m.getPath().getName().startsWith("month_=")
                && !liveMonths.contains(m.getPath().toString())) {
              fs.delete(m.getPath(), true);
            }
          }
        }
      }
      for (FileStatus s : fs.listStatus(new Path(root, "_manifests"))) {
        String name = s.getPath().getName();
        if (name.matches("\\d{20}\\.json") && Long.parseLong(name, 0, 20, 10) < keepFrom) {
          fs.delete(s.getPath(), false);
        }
      }
    } catch (IOException e) {
      throw new StoreException("Cannot clean up the lake at " + root + ": " + e.getMessage(), e);
    }
  }

  private static String parentOf(String folder) {
    return folder.substring(0, folder.lastIndexOf('/'));
  }
}
