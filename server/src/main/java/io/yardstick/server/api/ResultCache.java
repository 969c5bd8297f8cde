package io.yardstick.server.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.yardstick.kpi.KpiCache;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The server's KPI result cache (Caffeine): keyed by the whole query and the store's data version,
 * so an import in any process invalidates it; bounded by bytes (each result weighed at {@link
 * KpiResult#estimatedBytes()}, so a few large answers cannot fill the heap) and by idle time.
 * Concurrent identical questions compute once.
 */
public final class ResultCache implements KpiCache {
  private record Key(KpiQuery query, long version) {}

  private final Cache<Key, KpiResult> cache;

  /** A cache holding at most about {@code maxBytes} of results. */
  public ResultCache(long maxBytes) {
    cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Key k, KpiResult r) -> (int) Math.min(Integer.MAX_VALUE, r.estimatedBytes()))
            .expireAfterAccess(Duration.ofHours(1))
            .build();
  }

  @Override
  public KpiResult get(KpiQuery query, long dataVersion, Supplier<KpiResult> compute) {
    return cache.get(new Key(query, dataVersion), k -> compute.get());
  }

  /** The estimated bytes of the results held now (after pending evictions). */
  public long bytes() {
    cache.cleanUp();
    return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }
}
