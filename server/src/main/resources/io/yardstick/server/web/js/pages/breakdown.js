// Channels and Queues: the headline KPIs per channel (or queue) against the previous period, a chart of one KPI, and
// a cell or bar opens the contacts behind it.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, chart, fmt, judgement, kpi, select, table } from '../ui.js';

const { t } = i18n;
export const BASE = ['contacts', 'service_level', 'asa', 'abandonment_rate', 'aht', 'frt_median', 'fcr',
  'resolution_rate', 'csat', 'conversion_rate'];

/** SLA columns, shown when the store has help-desk tickets (docs/sla.md). */
export const SLA = ['sla_achievement', 'sla_breaches'];

export async function breakdownPage(ctx, dimension) {
  const { filters, state: s } = ctx;
  const BREAKDOWN = ctx.extent?.values?.priority ? [...BASE, ...SLA] : BASE;
  const shown = BREAKDOWN.includes(s.params.kpi) ? s.params.kpi : 'contacts';
  const data = await api.get('/api/kpi', { ...filters, kpi: BREAKDOWN.join(','), by: dimension, compare: 'previous' });
  const rows = data.rows.slice(1).filter((r) => r.group[dimension] != null);
  const drill = (value, id) => state.go('contacts', undefined, { kpi: id === 'contacts' ? undefined : id },
    { ...s.where, [dimension]: [value] });

  const ordered = rows.slice().sort((a, b) => (b.kpis[shown]?.value ?? -Infinity) - (a.kpis[shown]?.value ?? -Infinity));
  const graph = chart({
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(shown, v) },
    grid: { left: 120, right: 24, top: 8, bottom: 28 },
    yAxis: { type: 'category', inverse: true, data: ordered.map((r) => i18n.dimValue(dimension, r.group[dimension])) },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => i18n.axis(kpi(shown).unit, v) } },
    series: [{ type: 'bar', data: ordered.map((r) => r.kpis[shown]?.value ?? null), name: i18n.kpiName(shown) }],
  }, {
    cls: ordered.length > 8 ? 'chart tall' : 'chart', label: i18n.kpiName(shown),
    onClick: (p) => drill(ordered[p.dataIndex].group[dimension], shown),
  });

  const columns = [
    { key: dimension, label: t(`dimension.${dimension}`), value: (r) => r.group[dimension],
      text: (r) => i18n.dimValue(dimension, r.group[dimension]) },
    ...BREAKDOWN.flatMap((id) => [{
      key: id, kpi: id, numeric: true, value: (r) => r.kpis[id]?.value,
      text: (r) => fmt(id, r.kpis[id]?.value),
      click: (r) => drill(r.group[dimension], id),
    }, {
      key: `${id}_change`, label: t('table.change'), numeric: true, value: (r) => r.kpis[id]?.change,
      text: (r) => i18n.change(kpi(id).unit, r.kpis[id]) ?? '–',
      cls: (r) => `change ${judgement(id, r.kpis[id]?.change)}`,
    }]),
  ];
  ctx.show(
    h('h1', { text: t(`nav.${dimension === 'channel' ? 'channels' : 'queues'}`) }),
    h('div', { class: 'controls no-print' }, select(t('breakdown.chart'),
      BREAKDOWN.map((id) => ({ value: id, label: i18n.kpiName(id) })), shown, (v) => state.update({ kpi: v }),
      { name: 'kpi' })),
    h('section', { class: 'panel' }, h('h2', { text: t('breakdown.by', {
      kpi: i18n.kpiName(shown), dimension: t(`dimension.${dimension}`).toLocaleLowerCase(i18n.language()),
    }) }), graph),
    h('section', { class: 'panel' }, table(columns, rows, { name: dimension === 'channel' ? 'channels' : 'queues' })));
}
