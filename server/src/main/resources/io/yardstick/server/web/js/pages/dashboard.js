// Dashboards (docs/reports.md): compose one from panels (KPI tiles, a trend, a breakdown, a goal) placed on a 12-column
// grid, and show one from GET /api/views/ID/report with each panel at its place.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import { h, clear, fmt, kpi, kpiIds, message, table } from '../ui.js';

const { t } = i18n;
const TYPES = ['tiles', 'trend', 'breakdown', 'goal'];
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
    panels.push(p);
    y.value = String(p.y + p.h);
    redrawList();
  } });
  return h('form', {
    class: 'card inline-form no-print', id: 'dashboard-form',
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
  h('fieldset', { class: 'stacked' }, h('legend', { text: t('dashboard.panel') }),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.type') }), type),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.title') }), title),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.kpis') }), kpis),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.by') }), by),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.goal') }), goal),
    h('label', { class: 'stacked' }, h('span', { text: t('dashboard.place') }), x, y, w, hh),
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

function panelBody(section) {
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
      h('h4', { text: s.title || t(`dashboard.panel.${s.type}`) }), panelBody(s));
    cell.style.gridColumn = `${p.x + 1} / span ${p.w}`;
    cell.style.gridRow = `${p.y + 1} / span ${p.h}`;
    grid.append(cell);
  });
  return h('div', { class: 'dashboard' }, h('p', { class: 'muted', text: t('period.range', {
    from: i18n.date(report.from), to: i18n.date(report.to) }) + ` · ${report.tz}` }), grid);
}
