package io.yardstick.server.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.yardstick.kpi.KpiCache;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The server's KPI result cache (Caffeine): keyed by the whole query and the store's data version, so an import in any
 * process invalidates it; bounded in entries and idle time. Concurrent identical questions compute once.
 */
public final class ResultCache implements KpiCache {
  private record Key(KpiQuery query, long version) {}

  private final Cache<Key, KpiResult> cache =
      Caffeine.newBuilder().maximumSize(2_000).expireAfterAccess(Duration.ofHours(1)).build();

  @Override
  public KpiResult get(KpiQuery query, long dataVersion, Supplier<KpiResult> compute) {
    return cache.get(new Key(query, dataVersion), k -> compute.get());
  }
}
