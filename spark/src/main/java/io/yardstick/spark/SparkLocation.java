package io.yardstick.spark;

import io.yardstick.store.StoreException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a Spark store is: {@code spark:MASTER?path=DIR} (embedded, e.g. {@code
 * spark:local[2]?path=/data/lake}) or {@code sc://HOST:PORT?path=DIR} (Spark Connect), with an
 * optional {@code meta=FILE} for the small tables (default {@code DIR/meta.duckdb}).
 *
 * @param master the Spark master ({@code local[2]}, {@code yarn}...), null for Spark Connect
 * @param connect the Spark Connect URL without the query, null for an embedded session
 * @param path the lake's root: a local folder or any Hadoop file system URL ({@code s3a://...})
 * @param meta the DuckDB file of the small tables
 */
public record SparkLocation(String master, String connect, String path, String meta) {
  public static boolean accepts(String location) {
    return location.startsWith("spark:") || location.startsWith("sc://");
  }

  public static SparkLocation parse(String location) {
    int q = location.indexOf('?');
    String head = q < 0 ? location : location.substring(0, q);
    Map<String, String> params = new LinkedHashMap<>();
    if (q >= 0) {
      for (String kv : location.substring(q + 1).split("&")) {
        if (kv.isEmpty()) continue;
        int eq = kv.indexOf('=');
        if (eq <= 0) throw bad(location, "the parameter '" + kv + "' has no value");
        String key = kv.substring(0, eq);
        if (!key.equals("path") && !key.equals("meta")) {
          throw bad(location, "'" + key + "' is not a parameter (path and meta are)");
        }
        params.put(key, URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String path = params.get("path");
    if (path == null || path.isBlank()) {
      throw bad(
          location, "name the lake's folder with ?path=DIR (a local folder, s3a://, hdfs://...)");
    }
    String meta = params.getOrDefault("meta", localFolder(path) ? path + "/meta.duckdb" : null);
    if (meta == null) {
      throw bad(
          location,
          "the lake is not a local folder, so name a local file for the small tables with &meta=FILE");
    }
    if (head.startsWith("sc://")) return new SparkLocation(null, head, path, meta);
    String master = head.substring("spark:".length());
    if (master.isBlank()) throw bad(location, "name the master after spark: (e.g. spark:local[2])");
    return new SparkLocation(master, null, path, meta);
  }

  static boolean localFolder(String path) {
    return !path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || path.startsWith("file:");
  }

  private static StoreException bad(String location, String why) {
    return new StoreException(
        "The Spark store location " + location + " is not valid: " + why + ".");
  }

  /** The location as the user would write it. */
  public String describe() {
    return (connect != null ? "Spark Connect " + connect : "Spark " + master) + ", lake at " + path;
  }
}
