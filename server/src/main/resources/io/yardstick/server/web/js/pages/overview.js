// Overview: a tile per headline KPI (value, change against the previous period, benchmark, sparkline) and the volume
// by channel. A tile or a bar opens the contacts behind it.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, chart, fmt, judgement, benchmark, infoButton, table, kpi } from '../ui.js';

const { t } = i18n;

export const HEADLINE = ['contacts', 'service_level', 'asa', 'abandonment_rate', 'aht', 'fcr', 'csat', 'nps',
  'frt_median', 'resolution_rate', 'occupancy', 'cost_per_contact'];

/** Day buckets up to about three months, then weeks, then months: enough points without crowding. */
export function unitFor(from, to) {
  const days = state.daysBetween(from, to);
  return days <= 2 ? 'hour' : days <= 93 ? 'day' : days <= 550 ? 'week' : 'month';
}

/**
 * Channels whose first response is a written reply that may wait (not a call or a chat picked up live, whose answer
 * the catalog also counts as a first response, so that phone answers pull the median of all channels to seconds). The
 * headline first-response tile is measured on these channels and says so (docs/web.md, issue 12 part 6); the KPI's
 * definition is the catalog's, the tile only adds a channel filter.
 */
export const WRITTEN = ['email', 'web', 'social', 'messaging', 'sms'];
const WRITTEN_TILE = 'frt_median';

/** The accuracy of the stored forecasts, shown beside the volume (the daily forecast keeps it fed). */
const FORECAST = 'forecast_wape';

/** The written channels of the store that the filter bar lets through. */
function writtenChannels(ctx) {
  const stored = ctx.extent?.values?.channel || WRITTEN;
  const asked = ctx.state.where.channel || [];
  return WRITTEN.filter((c) => stored.includes(c) && (!asked.length || asked.includes(c)));
}

export async function overviewPage(ctx) {
  const { filters } = ctx;
  const unit = unitFor(filters.from, filters.to);
  const written = writtenChannels(ctx);
  const writtenFilters = { ...filters,
    where: [...filters.where.filter((w) => !w.startsWith('channel=')), `channel=${written.join(',')}`] };
  const others = HEADLINE.filter((id) => id !== WRITTEN_TILE);
  const none = { rows: [{ kpis: {} }] };
  const [totals, series, channels, writtenTotals, writtenSeries, forecast] = await Promise.all([
    api.get('/api/kpi', { ...filters, kpi: others.join(','), compare: 'previous' }),
    api.get('/api/series', { ...filters, kpi: others.join(','), unit }),
    api.get('/api/series', { ...filters, kpi: 'contacts', unit, by: 'channel' }),
    written.length ? api.get('/api/kpi', { ...writtenFilters, kpi: WRITTEN_TILE, compare: 'previous' }) : none,
    written.length ? api.get('/api/series', { ...writtenFilters, kpi: WRITTEN_TILE, unit }) : none,
    // Beside the volume: how far the stored forecasts were from it (issue 20, part 4).
    api.get('/api/kpi', { ...filters, kpi: FORECAST, by: 'channel' }),
  ]);
  const overall = totals.rows[0].kpis;
  const points = series.rows.slice(1);
  const writtenPoints = writtenSeries.rows.slice(1);
  const settling = { unit, from: series.unsettled_from };
  const tiles = h('div', { class: 'tiles' }, HEADLINE.map((id) => (id === WRITTEN_TILE
    ? tile(id, writtenTotals.rows[0].kpis[id], writtenPoints, settling, written, ctx)
    : tile(id, overall[id], points, settling))));

  const byChannel = channels.rows.slice(1);
  const labels = [...new Set(byChannel.map((r) => r.group[unit]))];
  const names = [...new Set(byChannel.map((r) => r.group.channel).filter((c) => c != null))].sort();
  const cell = new Map(byChannel.map((r) => [`${r.group[unit]}|${r.group.channel}`, r.kpis.contacts]));
  const volume = chart({
    tooltip: { trigger: 'axis', valueFormatter: (v) => i18n.count(v) },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: labels.map((l) => i18n.bucket(unit, l)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => i18n.axis('count', v) } },
    series: names.map((c) => ({
      name: i18n.channel(c), type: 'bar', stack: 'volume', data: labels.map((l) => cell.get(`${l}|${c}`) ?? 0),
    })),
  }, {
    cls: 'chart tall', label: t('overview.volume'),
    onClick: (p) => {
      const [from, to] = clip(state.bucketRange(unit, labels[p.dataIndex]), filters);
      state.go('contacts', undefined, { from, to }, { ...ctx.state.where, channel: [names[p.seriesIndex]] });
    },
  });

  // The channel totals as a table, so the numbers behind the chart can be read, exported and clicked.
  const wapeOf = new Map(forecast.rows.filter((r) => r.group.channel != null)
    .map((r) => [r.group.channel, r.kpis[FORECAST] ?? null]));
  const totalsByChannel = names.map((c) => ({
    channel: c, contacts: byChannel.filter((r) => r.group.channel === c).reduce((a, r) => a + (r.kpis.contacts || 0), 0),
    wape: wapeOf.get(c) ?? null,
  }));
  const all = overall.contacts.value || 0;
  const channelTable = table([
    { key: 'channel', label: t('dimension.channel'), text: (r) => i18n.channel(r.channel) },
    {
      key: 'contacts', kpi: 'contacts', numeric: true, text: (r) => i18n.count(r.contacts),
      click: (r) => state.go('contacts', undefined, {}, { ...ctx.state.where, channel: [r.channel] }),
    },
    { key: 'share', label: t('overview.share'), numeric: true, value: (r) => (all ? (r.contacts * 100) / all : null),
      text: (r) => i18n.percent(all ? (r.contacts * 100) / all : null) },
    { key: 'wape', kpi: FORECAST, numeric: true, value: (r) => r.wape, text: (r) => fmt(FORECAST, r.wape) },
  ], totalsByChannel, { name: 'volume-by-channel' });
  const overallWape = forecast.rows.find((r) => r.group.channel == null)?.kpis[FORECAST] ?? null;
  const accuracy = h('p', { id: 'overview-forecast', class: 'muted', dataset: { value: overallWape ?? '' } },
    overallWape != null ? t('overview.forecastError', { value: fmt(FORECAST, overallWape) }) : t('overview.noForecast'),
    ' ', infoButton(FORECAST));

  ctx.show(
    h('h1', { text: t('nav.overview') }),
    h('p', { class: 'muted compare-note', text: t('overview.compared', {
      from: i18n.date(totals.previous_from), to: i18n.date(totals.previous_to),
    }) }),
    tiles,
    h('section', { class: 'panel' }, h('h2', { text: t('overview.volume') }), accuracy, volume, channelTable));
}

/**
 * A headline tile; with channels, measured on those channels only, which it names. A KPI of cases draws the buckets
 * whose cases are still settling (from settling.from on) as a dashed grey tail and says so.
 */
function tile(id, c, points, settling, channels, ctx) {
  const late = kpi(id).settles_late && settling.from
    ? points.map((r) => state.bucketRange(settling.unit, Object.values(r.group)[0])[1] >= settling.from) : [];
  const firstLate = late.indexOf(true);
  let delta = c && c.value != null && c.previous != null ? c.change : null;
  // A change that rounds to nothing shown (0.0 pp) is shown as no change, without a colour.
  if (delta != null && ['percent', 'score'].includes(kpi(id).unit) && Math.abs(delta) < 0.05) delta = 0;
  const change = i18n.change(kpi(id).unit, c);
  const bench = benchmark(id);
  const spark = chart({
    grid: { left: 2, right: 2, top: 4, bottom: 2 },
    xAxis: { type: 'category', show: false, data: points.map((r) => Object.values(r.group)[0]) },
    yAxis: { type: 'value', show: false, scale: true },
    tooltip: { show: false },
    series: [{
      type: 'line', data: points.map((r, i) => (firstLate < 0 || i <= firstLate ? r.kpis[id] : null)), symbol: 'none',
      lineStyle: { width: 1.5 }, areaStyle: { opacity: 0.12 }, connectNulls: true,
    }, ...(firstLate < 0 ? [] : [{
      type: 'line', data: points.map((r, i) => (i >= firstLate ? r.kpis[id] : null)), symbol: 'none',
      lineStyle: { width: 1.5, type: 'dashed', color: '#9aa5b1' }, connectNulls: true,
    }])],
  }, { cls: 'spark', label: t('overview.sparkline') });
  const open = () => (channels ? state.go('contacts', undefined, { kpi: id }, { ...ctx.state.where, channel: channels })
    : state.go('contacts', undefined, { kpi: id }));
  const hasPrevious = c != null && c.previous != null;
  // A change against a previous 0 has no percentage: shown as the difference instead.
  const difference = hasPrevious && !change && c.value != null
    ? (c.change > 0 ? '+' : '') + fmt(id, c.change) : null;
  return h('article', {
    class: 'tile', tabindex: '0', dataset: { kpi: id, channels: channels ? channels.join(',') : undefined },
    title: t('overview.drill'),
    onclick: open, onkeydown: (ev) => ev.key === 'Enter' && open(),
  },
  h('header', {}, h('h3', { text: i18n.kpiName(id) }), infoButton(id)),
  channels ? h('p', { class: 'tile-scope muted', text: channels.length
    ? t('overview.writtenChannels', { channels: channels.map((ch) => i18n.channel(ch)).join(', ') })
    : t('overview.noWrittenChannel') }) : null,
  h('p', { class: 'tile-value', dataset: { value: c && c.value != null ? String(c.value) : '' }, text: fmt(id, c && c.value) }),
  h('p', { class: `tile-change ${judgement(id, delta)}` },
    change || difference ? h('span', { class: 'arrow', text: delta > 0 ? '▲' : delta < 0 ? '▼' : '■' }) : null,
    ' ', change || difference ? t('overview.change', { change: change || difference }) : t('overview.noPrevious')),
  hasPrevious ? h('p', { class: 'tile-previous muted', text: t('overview.previous', { value: fmt(id, c.previous) }) })
    : null,
  bench ? h('p', { class: 'tile-benchmark muted', text: t('overview.benchmark', { value: bench }) }) : null,
  spark,
  firstLate >= 0 ? h('p', { class: 'tile-settling muted', text: t('overview.notSettled', {
    from: i18n.date(state.bucketRange(settling.unit, Object.values(points[firstLate].group)[0])[0]) }) }) : null);
}

/** A bucket's dates clipped to the period. */
export function clip([from, to], filters) {
  return [from < filters.from ? filters.from : from, to > filters.to ? filters.to : to];
}
