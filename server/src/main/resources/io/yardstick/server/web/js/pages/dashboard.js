// Dashboards (docs/reports.md): compose one from panels (KPI tiles, a trend, a breakdown, a goal, a staffing heat map)
// placed on a 12-column grid, and show one from GET /api/views/ID/report with each panel at its place.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import { h, chart, clear, fmt, kpi, kpiIds, message, table } from '../ui.js';

const { t } = i18n;
const TYPES = ['tiles', 'trend', 'breakdown', 'goal', 'heatmap'];
const CHANNELS = ['phone', 'chat', 'email', 'social', 'messaging', 'sms', 'web'];
const DIMENSIONS = ['channel', 'direction', 'queue', 'topic', 'team', 'agent'];

function number(name, value, min, max) {
  return h('input', { type: 'number', name, min: String(min), max: String(max), step: '1', value: String(value),
    class: `panel-${name}` });
}

/** The form that composes a dashboard; save(body) stores it. */
export function composer(periodSelect, save) {
  const panels = [];
  const name = h('input', { id: 'dashboard-name', required: true, autocomplete: 'off' });
  const type = h('select', { id: 'panel-type' }, TYPES.map((x) => h('option', { value: x }, t(`dashboard.panel.${x}`))));
  const title = h('input', { id: 'panel-title', autocomplete: 'off' });
  const kpis = h('select', { id: 'panel-kpis', multiple: true, size: 4 },
    kpiIds().map((k) => h('option', { value: k }, i18n.kpiName(k))));
  const by = h('select', { id: 'panel-by' }, DIMENSIONS.map((d) => h('option', { value: d }, t(`dimension.${d}`))));
  const goal = h('input', { id: 'panel-goal', type: 'number', min: '1', step: '1' });
  const channel = h('select', { id: 'panel-channel' }, CHANNELS.map((c) => h('option', { value: c }, i18n.channel(c))));
  const x = number('x', 0, 0, 11);
  const y = number('y', 0, 0, 200);
  const w = number('w', 6, 1, 12);
  const hh = number('h', 2, 1, 12);
  const list = h('ul', { class: 'panel-list' });
  const status = h('div', { class: 'form-status' });
  const redrawList = () => {
    clear(list);
    panels.forEach((p, i) => list.append(h('li', {},
      `${t(`dashboard.panel.${p.type}`)}${p.title ? ` “${p.title}”` : ''} · x ${p.x}, y ${p.y}, w ${p.w}, h ${p.h} `,
      h('button', { type: 'button', class: 'link', text: t('reports.remove'), onclick: () => {
        panels.splice(i, 1);
        redrawList();
      } }))));
  };
  const add = h('button', { type: 'button', id: 'panel-add', text: t('dashboard.addPanel'), onclick: () => {
    const p = { type: type.value, x: Number(x.value), y: Number(y.value), w: Number(w.value), h: Number(hh.value),
      kpis: [...kpis.selectedOptions].map((o) => o.value) };
    if (title.value.trim()) p.title = title.value.trim();
    if (p.type === 'breakdown') p.by = by.value;
    if (p.type === 'goal') p.goal = Number(goal.value);
    if (p.type === 'heatmap') p.where = [`channel=${channel.value}`];
    panels.push(p);
    y.value = String(p.y + p.h);
    redrawList();
  } });
  return h('form', {
    class: 'card report-form no-print', id: 'dashboard-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      try {
        await save({ name: name.value, panels: panels.slice() });
        panels.length = 0;
        name.value = '';
        redrawList();
      } catch (e) {
        clear(status).append(message('error', t('error.api', { details: e.message })));
      }
    },
  },
  h('h2', { text: t('dashboard.compose') }),
  h('label', { class: 'stacked' }, h('span', { text: t('reports.name') }), name),
  periodSelect,
  h('fieldset', {}, h('legend', { text: t('dashboard.panel') }),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.type') }), type),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.title') }), title),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.kpis') }), kpis),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.by') }), by),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.goal') }), goal),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.channel') }), channel),
    h('label', { class: 'stacked place-field' }, h('span', { text: t('dashboard.place') }),
      h('span', { class: 'place' }, x, y, w, hh)),
    add),
  list,
  h('button', { type: 'submit', class: 'primary', text: t('dashboard.save') }),
  status);
}

function sparkline(values) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 100 30');
  svg.setAttribute('class', 'panel-spark');
  const nums = values.filter((v) => v != null);
  if (!nums.length) return svg;
  const max = Math.max(...nums);
  const min = Math.min(0, ...nums);
  const span = max - min || 1;
  const pts = values.map((v, i) => (v == null ? null
    : `${(values.length === 1 ? 50 : (i * 100) / (values.length - 1)).toFixed(1)},${(30 - ((v - min) / span) * 28 - 1).toFixed(1)}`))
    .filter(Boolean).join(' ');
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('points', pts);
  svg.append(line);
  return svg;
}

/** The staffing heat map: weekdays by hours, each cell the mean agents needed (issue 16). */
function heatmapBody(m) {
  const channel = i18n.channel(m.channel);
  if (!m.times.length) return h('p', { class: 'muted', text: t('report.heatmapNone', { channel }) });
  // 1 January 2024 was a Monday: the weekday names in the page's language.
  const days = m.days.map((d, i) => new Intl.DateTimeFormat(i18n.language(), { weekday: 'short', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2024, 0, 1 + i))));
  const data = [];
  m.agents.forEach((row, y) => row.forEach((v, x) => { if (v != null) data.push([x, y, Math.round(v * 10) / 10]); }));
  const max = Math.max(1, ...data.map((d) => d[2]));
  return h('div', { class: 'panel-heatmap-body', dataset: { channel: m.channel, max: String(max) } },
    h('p', { class: 'muted', text: t('report.heatmapNote', { channel, sl: i18n.percent(m.service_level),
      seconds: i18n.count(m.answer_seconds), aht: i18n.duration(m.aht) }) }),
    chart({
      tooltip: { trigger: 'item', formatter: (p) => `${days[p.value[1]]} ${m.times[p.value[0]]}: ${i18n.decimal(p.value[2], 1)}` },
      grid: { left: 48, right: 12, top: 8, bottom: 56 },
      xAxis: { type: 'category', data: m.times, splitArea: { show: true } },
      yAxis: { type: 'category', data: days, inverse: true },
      visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#f2f6fb', '#9cc0e6', '#2f6fb3', '#14324f'] } },
      series: [{ type: 'heatmap', data, name: t('forecast.required'), label: { show: true, fontSize: 9,
        formatter: (p) => i18n.decimal(p.value[2], 1) } }],
    }, { cls: 'chart heatmap', label: t('report.heatmap', { channel }) }));
}

function panelBody(section) {
  if (section.type === 'heatmap') return heatmapBody(section.heatmap);
  const r = section.result;
  if (section.type === 'goal') {
    const g = section.goal;
    return h('dl', { class: 'panel-goal' },
      h('dt', { text: i18n.kpiName(g.goal.kpi) }), h('dd', { text: fmt(g.goal.kpi, g.current) }),
      h('dt', { text: t('report.goalTarget') }), h('dd', { text: fmt(g.goal.kpi, g.target) }),
      h('dt', { text: t('report.goalStatus') }), h('dd', { text: t(`goals.status.${g.status}`) }));
  }
  const kpis = Object.keys(r.rows[0].kpis);
  const plain = (v) => (v != null && typeof v === 'object' ? v.value : v);
  if (section.type === 'tiles') {
    return h('div', { class: 'panel-tiles' }, kpis.map((k) => {
      const v = r.rows[0].kpis[k];
      const change = v != null && typeof v === 'object' ? i18n.change(kpi(k).unit, v) : null;
      return h('div', { class: 'panel-tile', dataset: { kpi: k } }, h('span', { class: 'muted', text: i18n.kpiName(k) }),
        h('strong', { class: 'panel-value', dataset: { value: plain(v) ?? '' }, text: fmt(k, plain(v)) }),
        change ? h('span', { class: 'muted', text: t('overview.change', { change }) }) : null);
    }));
  }
  const dims = Object.keys(r.rows[r.rows.length > 1 ? 1 : 0].group);
  if (section.type === 'trend') {
    return h('div', {}, kpis.slice(0, 3).map((k) => h('div', { class: 'panel-trend' },
      h('span', { class: 'muted', text: i18n.kpiName(k) }), sparkline(r.rows.slice(1).map((row) => plain(row.kpis[k]))))));
  }
  return table([
    ...dims.map((d) => ({ key: d, label: t(`dimension.${d}`), value: (row) => row.group[d],
      text: (row) => (Object.keys(row.group).length ? i18n.dimValue(d, row.group[d]) : t('report.all')) })),
    ...kpis.map((k) => ({ key: k, kpi: k, numeric: true, value: (row) => plain(row.kpis[k]),
      text: (row) => fmt(k, plain(row.kpis[k])) })),
  ], r.rows, { name: 'dashboard-breakdown' });
}

/** A dashboard's panels on its grid, from its report. */
export async function show(view) {
  const report = await api.get(`/api/views/${view.id}/report`);
  const grid = h('div', { class: 'dashboard-grid', dataset: { view: view.id } });
  report.sections.forEach((s, i) => {
    const p = view.panels[i];
    const cell = h('section', { class: `card dashboard-panel panel-${s.type}` },
      h('h4', { text: s.title || (s.type === 'heatmap' ? t('report.heatmap', { channel: i18n.channel(s.heatmap.channel) })
        : t(`dashboard.panel.${s.type}`)) }), panelBody(s));
    cell.style.gridColumn = `${p.x + 1} / span ${p.w}`;
    cell.style.gridRow = `${p.y + 1} / span ${p.h}`;
    grid.append(cell);
  });
  return h('div', { class: 'dashboard' }, h('p', { class: 'muted', text: t('period.range', {
    from: i18n.date(report.from), to: i18n.date(report.to) }) + ` · ${report.tz}` }), grid);
}
