// Goals (managers and admins): each goal with its progress from baseline to target, status, weekly history with the
// Theil-Sen trend and the projection to the deadline, and the realism verdict; a form to add one, and removal.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, benchmark, chart, fmt, kpi, kpiIds, kpiLabel, message, multiSelect } from '../ui.js';

const { t } = i18n;
const STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'missed', 'no_data', 'not_started'];
const GOAL_FILTERS = ['channel', 'queue', 'topic', 'team'];

export async function goalsPage(ctx) {
  const list = await api.get('/api/goals');
  const details = await Promise.all(list.goals.map((g) => api.get(`/api/goals/${g.goal.id}`)));
  const cards = details.length
    ? details.map((g) => goalCard(g, ctx))
    : [message('status', t('goals.none'))];
  ctx.show(
    h('h1', { text: t('nav.goals') }),
    h('p', { class: 'muted', text: t('goals.intro') }),
    h('div', { class: 'goals' }, cards),
    goalForm(ctx));
}

function goalTitle(g) {
  const where = g.goal.where.length ? ` · ${g.goal.where.join(', ')}` : '';
  return g.goal.name || `${i18n.kpiName(g.goal.kpi)} ${g.goal.target.text || ''}${where}`.trim();
}

function goalCard(g, ctx) {
  const id = g.goal.kpi;
  const status = STATUSES.includes(g.status) ? g.status : 'no_data';
  const progress = g.progress_percent;
  const bar = h('div', { class: 'progress-fill' });
  // The CSP forbids style attributes; a CSSOM property set from a script is allowed.
  bar.style.width = `${Math.max(0, Math.min(100, progress ?? 0))}%`;
  const elapsed = h('div', { class: 'progress-elapsed' });
  elapsed.style.left = `${Math.max(0, Math.min(100, g.time_elapsed_percent ?? 0))}%`;
  const figure = (key, value, cls) => h('div', { class: `figure ${cls || ''}` },
    h('span', { class: 'figure-label', text: t(key) }),
    h('span', { class: 'figure-value', text: fmt(id, value), dataset: { value: value ?? '' } }));
  const remove = h('button', {
    type: 'button', class: 'link no-print goal-remove', text: t('goals.remove'),
    onclick: async () => {
      if (!window.confirm(t('goals.confirmRemove', { name: goalTitle(g) }))) return;
      try {
        await api.del(`/api/goals/${g.goal.id}`);
        state.update({ removed: String(g.goal.id) });
      } catch (e) {
        ctx.fail(e);
      }
    },
  });
  return h('article', { class: `panel goal status-${status}`, dataset: { goal: g.goal.id, status } },
    h('header', { class: 'goal-head' },
      h('div', {},
        h('h2', { text: goalTitle(g) }),
        h('p', { class: 'muted goal-meta' }, kpiLabel(id), ' · ',
          g.goal.where.length ? g.goal.where.join(', ') : t('goals.everything'), ' · ',
          t('goals.period', { from: i18n.date(g.goal.from), to: i18n.date(g.goal.by) }), ' · ', g.goal.tz)),
      h('span', { class: `badge status-${status}`, text: t(`goals.status.${status}`) }),
      remove),
    h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
      'aria-valuenow': progress == null ? '0' : String(Math.round(progress)),
      'aria-label': t('goals.progress') }, bar, elapsed),
    h('p', { class: 'progress-text' },
      h('span', { class: 'goal-progress', dataset: { value: progress ?? '' },
        text: t('goals.progressText', { value: progress == null ? '–' : i18n.decimal(progress, 0) }) }),
      ' · ', t('goals.elapsedText', {
        value: g.time_elapsed_percent == null ? '–' : i18n.decimal(g.time_elapsed_percent, 0),
      }),
      g.measured_to ? ` · ${t('goals.measuredTo', { date: i18n.date(g.measured_to) })}` : ''),
    h('div', { class: 'figures' },
      figure('goals.baseline', g.baseline),
      figure('goals.target', g.target),
      figure('goals.current', g.current, 'goal-current'),
      figure('goals.projected', g.projected)),
    g.history.length ? historyChart(g) : message('status', t('goals.noHistory')),
    realism(g));
}

/** The mid-day of a (clipped) week, in ms: the x of the Theil-Sen line. */
function mid(from, to) {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return (a + b) / 2 + 43200000;
}

function historyChart(g) {
  const id = g.goal.kpi;
  const unit = kpi(id).unit;
  const day = 86400000;
  const points = g.history.map((w) => [mid(w.from, w.to), w.value]);
  const deadline = Date.parse(`${g.goal.by}T12:00:00Z`);
  const series = [{
    name: t('goals.weekly'), type: 'line', data: points, symbolSize: 6, connectNulls: false,
  }];
  if (g.trend) {
    // The line's value at the deadline week's middle is at_deadline; slope per week gives the rest.
    const end = deadline - 3 * day;
    const at = (x) => g.trend.at_deadline + (g.trend.slope_per_week * (x - end)) / (7 * day);
    const first = points[0][0];
    const lastWeek = points[points.length - 1][0];
    series.push({
      name: t('goals.trend'), type: 'line', data: [[first, at(first)], [lastWeek, at(lastWeek)]], symbol: 'none',
      lineStyle: { type: 'dashed', width: 2 },
    });
    if (end > lastWeek) {
      series.push({
        name: t('goals.projection'), type: 'line', data: [[lastWeek, at(lastWeek)], [end, at(end)]], symbol: 'none',
        lineStyle: { type: 'dotted', width: 2 },
      });
    }
  }
  if (g.projected != null) {
    series.push({
      name: t('goals.projected'), type: 'scatter', data: [[deadline, g.projected]], symbol: 'diamond', symbolSize: 12,
    });
  }
  const levels = [g.target, g.baseline].filter((v) => v != null);
  const lines = [];
  if (g.target != null) lines.push({ yAxis: g.target, name: t('goals.target'), lineStyle: { color: '#1f7a44' } });
  if (g.baseline != null) lines.push({ yAxis: g.baseline, name: t('goals.baseline'), lineStyle: { color: '#5c7080' } });
  series[0].markLine = {
    symbol: 'none', data: lines, label: { formatter: (p) => `${p.name}: ${fmt(id, p.value)}`, position: 'insideEndTop' },
  };
  return chart({
    tooltip: { trigger: 'item', formatter: (p) => `${p.seriesName}\n${i18n.date(new Date(p.value[0]).toISOString()
      .slice(0, 10))}: ${fmt(id, p.value[1])}` },
    legend: { top: 0 },
    grid: { left: 64, right: 24, top: 36, bottom: 28 },
    xAxis: { type: 'time', min: Date.parse(`${g.goal.from}T00:00:00Z`), max: deadline + day / 2 },
    // The axis reaches the target and the baseline, so that their lines are always drawn (issue 12, part 10).
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v) => i18n.axis(unit, v) },
      min: (e) => padded(Math.min(e.min, ...levels), e, -1), max: (e) => padded(Math.max(e.max, ...levels), e, 1) },
    series,
  }, { cls: 'chart goal-chart', label: t('goals.chart', { name: goalTitle(g) }) });
}

/** A bound moved out by 5% of the range, so that a line on it is not drawn on the chart's edge. */
function padded(v, e, sign) {
  const range = Math.max(e.max, v) - Math.min(e.min, v) || Math.abs(v) || 1;
  return v + sign * 0.05 * range;
}

/** A change in the KPI's unit, signed: percentage points for percentages. */
function change(id, v) {
  const unit = kpi(id).unit;
  if (unit === 'percent') return t('change.points', { value: (v > 0 ? '+' : '') + i18n.decimal(v, 1) });
  return (v > 0 ? '+' : '') + fmt(id, v);
}

function realism(g) {
  const r = g.realism;
  if (!r) return null;
  const id = g.goal.kpi;
  const row = (key, text) => (text == null ? null : [h('dt', { text: t(key) }), h('dd', { text })]);
  return h('section', { class: `realism verdict-${r.verdict}` },
    h('h3', {}, t('goals.realism'), ': ', h('span', { class: 'verdict', dataset: { verdict: r.verdict },
      text: t(`goals.verdict.${r.verdict}`) })),
    h('dl', { class: 'realism-figures' },
      row('goals.requiredChange', r.required_change == null ? null
        : `${change(id, r.required_change)}${r.required_change_percent == null ? ''
          : ` (${i18n.percent(r.required_change_percent)})`}`),
      row('goals.bestChange', r.best_change == null ? null
        : t('goals.inWeeks', { value: change(id, r.best_change), weeks: r.window_weeks })),
      row('goals.typicalLevel', r.typical_level == null ? null : fmt(id, r.typical_level)),
      row('goals.bestLevel', r.best_level == null ? null : fmt(id, r.best_level)),
      row('goals.noise', r.noise == null ? null : fmt(id, r.noise)),
      row('goals.benchmark', benchmark(id))),
    (r.reasons || []).map((reason) => h('p', { class: 'muted explanation', dataset: { reason: reason.code },
      text: reasonText(id, reason) })));
}

const LEVELS = ['baseline', 'target', 'typical_level', 'best_level', 'measured', 'bound'];

/** One sentence of the realism check in the page's language, from its code and figures (GoalJson's "reasons"). */
function reasonText(id, reason) {
  const p = { kpi: i18n.kpiName(id) };
  for (const [k, v] of Object.entries(reason.values || {})) {
    if (k === 'required_change' || k === 'best_change') p[k] = change(id, v);
    else if (k === 'noise') p[k] = change(id, Math.abs(v)).replace(/^\+/, '');
    else if (k === 'required_change_percent') p[k] = (v > 0 ? '+' : '') + i18n.percent(v);
    else if (LEVELS.includes(k)) p[k] = fmt(id, v);
    else if (k === 'start' || k === 'from' || k === 'to') p[k] = i18n.date(v);
    else p[k] = v;
  }
  p.percent = p.required_change_percent ? t('goals.reason.percentPart', { value: p.required_change_percent }) : '';
  return t(`goals.reason.${reason.code}`, p);
}

function goalForm(ctx) {
  const s = ctx.state;
  const today = new Date().toISOString().slice(0, 10);
  const last = ctx.extent.last;
  // On data that stops before today (a demo, an old export), a goal over its last four weeks shows something.
  const stale = last && last < today;
  const from = h('input', { type: 'date', name: 'from', id: 'goal-from', value: stale ? state.addDays(last, -27) : today });
  // The deadline is never in the past (issue 12, part 10): a goal is about what is still to come.
  const by = h('input', { type: 'date', name: 'by', id: 'goal-by', required: true, value: state.addDays(today, 90) });
  const kpiSelect = h('select', { name: 'kpi', id: 'goal-kpi' },
    kpiIds().map((k) => h('option', { value: k, selected: k === 'aht' }, i18n.kpiName(k))));
  const kind = h('select', { name: 'kind', id: 'goal-kind' },
    h('option', { value: 'change' }, t('goals.kind.change')), h('option', { value: 'target' }, t('goals.kind.target')));
  const amount = h('input', { type: 'number', step: 'any', name: 'amount', id: 'goal-amount', required: true,
    placeholder: '-10' });
  const name = h('input', { name: 'name', id: 'goal-name', autocomplete: 'off' });
  const chosen = {};
  const filters = GOAL_FILTERS.map((d) => multiSelect(d, t(`dimension.${d}`),
    (ctx.extent.values[d] || []).map((v) => ({ value: v, label: i18n.dimValue(d, v) })), [],
    (values) => { chosen[d] = values; }));
  const status = h('div', { class: 'form-status' });
  const hint = h('span', { class: 'muted hint', text: t('goals.hint.change') });
  kind.addEventListener('change', () => {
    hint.textContent = t(kind.value === 'change' ? 'goals.hint.change' : 'goals.hint.target');
    amount.placeholder = kind.value === 'change' ? '-10' : '';
  });
  const form = h('form', {
    class: 'card inline-form no-print', id: 'goal-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      status.replaceChildren();
      const value = Number(amount.value);
      const body = {
        kpi: kpiSelect.value, by: by.value, from: from.value || undefined, tz: s.params.tz,
        name: name.value.trim() || undefined,
        where: Object.entries(chosen).filter(([, v]) => v.length).map(([d, v]) => `${d}=${v.join(',')}`),
      };
      if (kind.value === 'change') body.change = `${value >= 0 ? '+' : ''}${value}%`;
      else body.target = value;
      try {
        const created = await api.post('/api/goals', body);
        state.update({ added: String(created.goal.id) });
      } catch (e) {
        status.append(message('error', t('error.api', { details: e.message })));
      }
    },
  },
  h('h2', { text: t('goals.add') }),
  h('label', { class: 'stacked' }, h('span', { text: t('goals.kpi') }), kpiSelect),
  h('div', { class: 'stacked' }, h('span', { text: t('goals.filters') }), h('div', { class: 'filter-row' }, filters)),
  h('label', { class: 'stacked' }, h('span', { text: t('goals.kind') }), kind),
  h('label', { class: 'stacked' }, h('span', { text: t('goals.amount') }), amount, hint),
  h('label', { class: 'stacked' }, h('span', { text: t('goals.from') }), from),
  h('label', { class: 'stacked' }, h('span', { text: t('goals.by') }), by),
  h('label', { class: 'stacked' }, h('span', { text: t('goals.name') }), name),
  h('button', { type: 'submit', class: 'primary', text: t('goals.submit') }),
  status);
  return form;
}
