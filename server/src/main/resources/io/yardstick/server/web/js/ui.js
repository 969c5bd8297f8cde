// DOM, tables with CSV export, charts and the definition dialog: the pieces every page is made of.
import * as i18n from './i18n.js';

const { t } = i18n;

/** Builds an element: h('a', {href, class, onclick, dataset: {...}}, child, 'text', ...). */
export function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function clear(e) {
  while (e.firstChild) e.firstChild.remove();
  return e;
}

// --- the KPI catalog -----------------------------------------------------------------------------------------------

let catalog = new Map();

export function setCatalog(kpis) {
  catalog = new Map(kpis.map((k) => [k.id, k]));
}

export function kpi(id) {
  return catalog.get(id) || { id, unit: 'count', better: 'neither' };
}

export function kpiIds() {
  return [...catalog.keys()];
}

export function fmt(id, v) {
  return i18n.value(kpi(id).unit, v);
}

/** 'good', 'bad' or '' for a change, by the KPI's direction. */
export function judgement(id, delta) {
  const better = kpi(id).better;
  if (delta == null || delta === 0 || better === 'neither') return '';
  return (delta > 0) === (better === 'higher') ? 'good' : 'bad';
}

/** A benchmark range formatted in the KPI's unit ("80.0% – 90.0%", "≥ 80.0%"), or null. */
export function benchmark(id) {
  const b = kpi(id).benchmark;
  if (!b) return null;
  const f = (v) => fmt(id, v);
  if (b.low != null && b.high != null) return t('benchmark.range', { low: f(b.low), high: f(b.high) });
  if (b.low != null) return t('benchmark.atLeast', { value: f(b.low) });
  if (b.high != null) return t('benchmark.atMost', { value: f(b.high) });
  return null;
}

/** The KPI's name with an (i) button that opens its definition. */
export function kpiLabel(id) {
  return h('span', { class: 'kpi-label' }, i18n.kpiName(id), ' ', infoButton(id));
}

export function infoButton(id) {
  return h('button', {
    type: 'button', class: 'info', title: t('definition.open'), 'aria-label': t('definition.open'),
    dataset: { kpi: id },
    onclick: (ev) => {
      ev.stopPropagation();
      showDefinition(id);
    },
  }, 'i');
}

/**
 * A catalog text in the page's language (issue 12, part 11): the bundle's `key` in the language's own bundle, else the
 * catalog's English marked lang="en" (a KPI added without its translations still shows something); null without text.
 */
function catalogText(key, english) {
  const own = i18n.own(key);
  if (own != null) return { text: own };
  return english ? { text: english, lang: 'en' } : null;
}

/**
 * A benchmark's text: a built-in one (the English bundle has its words) in the page's language; one from the settings
 * file as its owner wrote it there.
 */
function benchmarkText(key, text) {
  if (!text) return null;
  return i18n.english(key) === text ? catalogText(key, text) : { text };
}

export function showDefinition(id) {
  const k = kpi(id);
  const d = document.getElementById('definition');
  clear(d);
  const piece = (p) => (p.lang ? h('span', { lang: p.lang, text: p.text }) : p.text);
  const row = (name, label, ...parts) => {
    const shown = parts.filter(Boolean);
    if (!shown.length) return [];
    const children = shown.flatMap((p, i) => (i ? [' · ', piece(p)] : [piece(p)]));
    return [h('dt', { text: label }), h('dd', { dataset: { row: name } }, children)];
  };
  const b = k.benchmark;
  const range = benchmark(id);
  d.append(
    h('h2', { text: i18n.kpiName(id) }),
    h('dl', {},
      row('formula', t('definition.formula'), { text: i18n.kpiDefinition(id) }),
      row('unit', t('definition.unit'), { text: t(`unit.${k.unit}`) }),
      row('better', t('definition.better'), { text: t(`better.${k.better}`) }),
      row('source', t('definition.source'), catalogText(`kpi.${id}.source`, k.source)),
      row('example', t('definition.example'), catalogText(`kpi.${id}.example`, k.example)),
      b ? row('benchmark', t('definition.benchmark'), range && { text: range },
        benchmarkText(`kpi.${id}.benchmark`, b.text)) : [],
      b ? row('benchmarkSource', t('definition.benchmarkSource'),
        benchmarkText(`kpi.${id}.benchmarkSource`, b.source)) : [],
      row('id', t('definition.id'), { text: id })),
    h('form', { method: 'dialog' }, h('button', { class: 'primary', text: t('action.close') })));
  d.showModal();
}

// --- tables --------------------------------------------------------------------------------------------------------

/**
 * A sortable table with a CSV export button. Columns: {key, label | kpi, value(row) → raw value, text(row) → shown text,
 * click(row) → drill-down, cls(row) → extra class}.
 */
export function table(columns, rows, { name = 'yardstick', sortable = true, caption } = {}) {
  let sorted = rows.slice();
  let sortKey = null;
  let ascending = true;
  const body = h('tbody');
  const val = (c, r) => (c.value ? c.value(r) : r[c.key]);
  // A column may be in the CSV only (csvOnly), or write another value there than the one it sorts by (csv).
  const shownColumns = columns.filter((c) => !c.csvOnly);
  const render = () => {
    clear(body);
    for (const r of sorted) {
      body.append(h('tr', {}, shownColumns.map((c) => {
        const text = c.text ? c.text(r) : (val(c, r) ?? '–');
        const cls = [c.numeric ? 'num' : '', c.cls ? c.cls(r) : ''].filter(Boolean).join(' ');
        if (c.click && val(c, r) != null) {
          return h('td', { class: cls }, h('a', {
            href: '#', class: 'drill', onclick: (ev) => {
              ev.preventDefault();
              c.click(r);
            },
          }, text));
        }
        const raw = val(c, r);
        const dataset = c.data ? c.data(r) : typeof raw === 'string' ? { value: raw } : undefined;
        return h('td', { class: cls, dataset }, text);
      })));
    }
  };
  const header = h('tr', {}, shownColumns.map((c) => {
    const label = c.kpi ? kpiLabel(c.kpi) : c.label;
    const th = h('th', { class: c.numeric ? 'num' : '', scope: 'col' }, label);
    if (sortable) {
      th.classList.add('sortable');
      th.addEventListener('click', () => {
        ascending = sortKey === c ? !ascending : !c.numeric;
        sortKey = c;
        sorted = rows.slice().sort((a, b) => compare(val(c, a), val(c, b)) * (ascending ? 1 : -1));
        header.querySelectorAll('th').forEach((x) => x.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        render();
      });
    }
    return th;
  }));
  render();
  const csvButton = h('button', {
    type: 'button', class: 'csv no-print', text: t('action.csv'),
    onclick: () => download(`${name}.csv`, csv(columns, sorted)),
  });
  const scroller = h('div', { class: 'table-scroll' }, h('table', { class: 'data', dataset: { name } },
    h('thead', {}, header), body));
  const block = h('div', { class: 'table-block' },
    h('div', { class: 'table-tools' }, caption ? h('h3', { text: caption }) : null,
      h('span', { class: 'scroll-hint muted no-print', text: t('table.scrollHint') }), csvButton),
    scroller);
  // Wider than its panel: marked, so that the hint, the edge shadow and the sticky first column show.
  new ResizeObserver(() => block.classList.toggle('overflowing', scroller.scrollWidth > scroller.clientWidth + 1))
    .observe(scroller);
  return block;
}

function compare(a, b) {
  if (a == null && b == null) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), i18n.language(), { numeric: true });
}

/** RFC 4180 CSV with the shown headers and raw values (numbers with a dot, seconds, 0-100 percentages). */
export function csv(columns, rows) {
  // Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading ' (OWASP's CSV-injection
  // advice); numbers stay numbers, so -5.2 is kept.
  const cell = (v) => {
    if (v == null) return '';
    const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const head = columns.map((c) => cell(c.kpi ? i18n.kpiName(c.kpi) : c.label));
  const lines = [head.join(',')];
  for (const r of rows) {
    lines.push(columns.map((c) => cell(c.csv ? c.csv(r) : c.value ? c.value(r) : r[c.key])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function download(filename, text) {
  const url = URL.createObjectURL(new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' }));
  const a = h('a', { href: url, download: filename, class: 'hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// --- charts --------------------------------------------------------------------------------------------------------

const charts = new Set();
export const PALETTE = ['#2f6fb3', '#e07b39', '#3a9d5d', '#b5446e', '#7a5cc4', '#c9a227', '#3aa8b5', '#8c6d46',
  '#5c7080', '#d1495b'];

/** An ECharts chart in a new block; clicks on a data point call onClick(params). */
export function chart(option, { cls = 'chart', onClick, label } = {}) {
  const box = h('div', { class: cls, role: 'img', 'aria-label': label || '' });
  requestAnimationFrame(() => {
    if (!box.isConnected || !window.echarts) return;
    const c = window.echarts.init(box, null, { renderer: 'canvas' });
    // Tooltips drawn in the chart (richText), not as HTML with inline styles, which the page's CSP refuses.
    const tooltip = option.tooltip ? { renderMode: 'richText', confine: true, ...option.tooltip } : undefined;
    c.setOption({ color: PALETTE, animation: false, textStyle: { fontFamily: 'inherit' }, ...option, tooltip });
    if (onClick) c.on('click', onClick);
    box.chart = c;
    charts.add(c);
  });
  return box;
}

export function disposeCharts() {
  for (const c of charts) c.dispose();
  charts.clear();
}

export function resizeCharts() {
  for (const c of charts) c.resize();
}

window.addEventListener('resize', resizeCharts);
window.addEventListener('beforeprint', resizeCharts);
window.addEventListener('afterprint', resizeCharts);

// --- small pieces --------------------------------------------------------------------------------------------------

export function message(kind, text) {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status', text });
}

export function loading() {
  return h('p', { class: 'loading', text: t('status.loading') });
}

/** A select of options [{value, label}] calling onchange(value). */
export function select(label, options, selected, onchange, attrs = {}) {
  const s = h('select', { ...attrs, onchange: () => onchange(s.value) },
    options.map((o) => h('option', { value: o.value, selected: o.value === selected }, o.label)));
  return h('label', { class: 'field' }, h('span', { text: label }), s);
}

/**
 * A multi-select as a disclosure of checkboxes: summary "Channel: all" or the choices; onchange(values) on each
 * change.
 */
export function multiSelect(name, label, options, selected, onchange) {
  const chosen = new Set(selected || []);
  const summary = h('summary', {});
  const labels = new Map(options.map((o) => [o.value, o.label]));
  const describe = () => {
    const list = [...chosen].map((v) => labels.get(v) ?? v);
    summary.textContent = list.length === 0 ? t('filter.all', { name: label })
      : list.length <= 2 ? `${label}: ${list.join(', ')}` : t('filter.some', { name: label, count: list.length });
  };
  describe();
  const boxes = options.map((o) => {
    const input = h('input', {
      type: 'checkbox', value: o.value, checked: chosen.has(o.value),
      onchange: () => {
        if (input.checked) chosen.add(o.value);
        else chosen.delete(o.value);
        describe();
        onchange([...chosen]);
      },
    });
    return h('label', { class: 'check' }, input, ' ', o.label);
  });
  return h('details', { class: 'multi', dataset: { filter: name } }, summary,
    h('div', { class: 'multi-options' }, boxes.length ? boxes : h('span', { class: 'muted', text: t('filter.none') })));
}
