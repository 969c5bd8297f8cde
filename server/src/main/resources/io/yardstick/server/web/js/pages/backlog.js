// Backlog: help-desk tickets open at each local day's end by status, their ageing at the period's end, and tickets
// created against solved per day (docs/sla.md). Every number is a KPI of the catalog, from /api/series and /api/kpi.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, chart, fmt, table } from '../ui.js';

const { t } = i18n;
export const STATUSES = ['backlog_status_new', 'backlog_status_open', 'backlog_status_pending', 'backlog_status_on_hold'];
export const AGES = ['backlog_age_under_1d', 'backlog_age_1_3d', 'backlog_age_3_7d', 'backlog_age_7_30d',
  'backlog_age_over_30d'];
const FLOW = ['tickets_created', 'tickets_solved'];

export async function backlogPage(ctx) {
  const { filters } = ctx;
  const ids = ['backlog', ...STATUSES, ...FLOW];
  const [series, now] = await Promise.all([
    api.get('/api/series', { ...filters, kpi: ids.join(','), unit: 'day' }),
    api.get('/api/kpi', { ...filters, kpi: ['backlog', 'backlog_over_7d', ...AGES].join(',') }),
  ]);
  const rows = series.rows.slice(1);
  const days = rows.map((r) => r.group.day);
  const overall = now.rows[0].kpis;
  // Every number here is a count of tickets, and the catalog defines a ticket count null where it counts none (so a
  // store without tickets reads "no data", not 0). Once the period has tickets at all, a day with none created, solved
  // or open is a 0 on this page (its table, charts and CSV); the API keeps the catalog's null.
  const hasTickets = rows.some((r) => ids.some((id) => r.kpis[id] != null))
    || Object.values(overall).some((v) => v != null);
  const count = (v) => v ?? (hasTickets ? 0 : null);
  const value = (r, id) => count(r.kpis[id]);
  const at = (id) => count(overall[id]); // without compare, each KPI is its value

  const trend = chart({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => i18n.bucket('day', d)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: STATUSES.map((id) => ({
      name: i18n.kpiName(id), type: 'bar', stack: 'status', data: rows.map((r) => value(r, id)),
    })),
  }, {
    cls: 'chart tall', label: t('backlog.trend'),
    onClick: (p) => state.go('trends', undefined, { kpis: STATUSES.join(','), unit: 'day' }),
  });
  const ageing = chart({
    tooltip: { trigger: 'axis' },
    grid: { left: 200, right: 24, top: 8, bottom: 28 },
    yAxis: { type: 'category', inverse: true, data: AGES.map((id) => i18n.kpiName(id)) },
    xAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: i18n.kpiName('backlog'), data: AGES.map((id) => at(id)) }],
  }, { cls: 'chart', label: t('backlog.ageing') });
  const flow = chart({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => i18n.bucket('day', d)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: FLOW.map((id) => ({ name: i18n.kpiName(id), type: 'line', data: rows.map((r) => value(r, id)) })),
  }, { cls: 'chart', label: t('backlog.flow') });

  const columns = [
    { key: 'day', label: t('unit.bucket.day'), value: (r) => r.group.day, text: (r) => i18n.bucket('day', r.group.day) },
    ...ids.map((id) => ({ key: id, kpi: id, numeric: true, value: (r) => value(r, id), text: (r) => fmt(id, value(r, id)) })),
  ];
  ctx.show(
    h('h1', { text: t('nav.backlog') }),
    h('p', { class: 'backlog-now', text: t('backlog.now', { open: fmt('backlog', at('backlog')),
      old: fmt('backlog_over_7d', at('backlog_over_7d')) }) }),
    h('section', { class: 'panel' }, h('h2', { text: t('backlog.trend') }), trend),
    h('section', { class: 'panel' }, h('h2', { text: t('backlog.ageing') }), ageing),
    h('section', { class: 'panel' }, h('h2', { text: t('backlog.flow') }), flow),
    h('section', { class: 'panel' }, table(columns, rows, { name: 'backlog' })));
}
