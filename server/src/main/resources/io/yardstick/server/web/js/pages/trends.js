// Trends: any KPIs over hours, days, weeks or months on one chart, optionally one line per channel (or queue, team...).
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, chart, fmt, kpi, kpiIds, multiSelect, select, table } from '../ui.js';
import { unitFor, clip } from './overview.js';

const { t } = i18n;
const SPLITS = ['', 'channel', 'direction', 'queue', 'topic', 'team'];

export async function trendsPage(ctx) {
  const { filters, state: s } = ctx;
  const ids = (s.params.kpis || 'contacts,service_level').split(',').filter((id) => kpiIds().includes(id));
  const unit = ['hour', 'day', 'week', 'month'].includes(s.params.unit) ? s.params.unit : unitFor(filters.from, filters.to);
  const split = SPLITS.includes(s.params.split) ? s.params.split : '';
  const data = await api.get('/api/series', { ...filters, kpi: ids.join(','), unit, by: split || undefined });
  const rows = data.rows.slice(1);
  const labels = [...new Set(rows.map((r) => r.group[unit]))];
  const groups = split ? [...new Set(rows.map((r) => r.group[split]).filter((g) => g != null))].sort() : [null];
  const byKey = new Map(rows.map((r) => [`${r.group[unit]}|${split ? r.group[split] : ''}`, r.kpis]));
  const units = [...new Set(ids.map((id) => kpi(id).unit))];

  const lines = [];
  for (const id of ids) {
    for (const g of groups) {
      lines.push({
        id, group: g, name: g == null ? i18n.kpiName(id) : `${i18n.kpiName(id)} · ${i18n.dimValue(split, g)}`,
        values: labels.map((l) => byKey.get(`${l}|${g ?? ''}`)?.[id] ?? null),
      });
    }
  }
  const controls = h('div', { class: 'controls no-print' },
    multiSelect('kpis', t('trends.kpis'), kpiIds().map((id) => ({ value: id, label: i18n.kpiName(id) })), ids,
      (v) => v.length && state.update({ kpis: v.join(',') })),
    select(t('trends.unit'), ['hour', 'day', 'week', 'month'].map((u) => ({ value: u, label: t(`unit.bucket.${u}`) })),
      unit, (u) => state.update({ unit: u }), { name: 'unit' }),
    select(t('trends.split'), SPLITS.map((d) => ({ value: d, label: d ? t(`dimension.${d}`) : t('trends.noSplit') })),
      split, (d) => state.update({ split: d }), { name: 'split' }));

  const graph = chart({
    tooltip: { trigger: 'axis', formatter: (items) => tooltip(items, lines, labels, unit) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 64, right: units.length > 1 ? 64 : 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: labels.map((l) => i18n.bucket(unit, l)) },
    yAxis: units.map((u, i) => ({
      type: 'value', position: i % 2 ? 'right' : 'left', offset: Math.floor(i / 2) * 56, scale: u !== 'count',
      axisLabel: { formatter: (v) => i18n.axis(u, v) }, splitLine: { show: i === 0 },
    })),
    series: lines.map((l) => ({
      name: l.name, type: 'line', data: l.values, yAxisIndex: units.indexOf(kpi(l.id).unit), connectNulls: false,
      symbolSize: 5,
    })),
  }, {
    cls: 'chart tall', label: t('nav.trends'),
    onClick: (p) => {
      const line = lines[p.seriesIndex];
      const [from, to] = clip(state.bucketRange(unit, labels[p.dataIndex]), filters);
      const where = line.group == null ? s.where : { ...s.where, [split]: [line.group] };
      state.go('contacts', undefined, { from, to, kpi: line.id }, where);
    },
  });

  const columns = [
    { key: 'bucket', label: t(`unit.bucket.${unit}`), value: (r) => r.label, text: (r) => i18n.bucket(unit, r.label) },
    ...lines.map((l, i) => ({
      key: `s${i}`, label: l.name, numeric: true, value: (r) => l.values[r.index], text: (r) => fmt(l.id, l.values[r.index]),
      click: (r) => {
        const [from, to] = clip(state.bucketRange(unit, r.label), filters);
        state.go('contacts', undefined, { from, to, kpi: l.id },
          l.group == null ? s.where : { ...s.where, [split]: [l.group] });
      },
    })),
  ];
  ctx.show(h('h1', { text: t('nav.trends') }), controls,
    h('section', { class: 'panel' }, graph,
      table(columns, labels.map((label, index) => ({ label, index })), { name: 'trends' })));
}

function tooltip(items, lines, labels, unit) {
  const list = Array.isArray(items) ? items : [items];
  if (!list.length) return '';
  const head = i18n.bucket(unit, labels[list[0].dataIndex]);
  return [head, ...list.map((p) => `${p.marker}${p.seriesName}: ${fmt(lines[p.seriesIndex].id, p.value)}`)].join('\n');
}
