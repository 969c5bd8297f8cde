// Alerts (managers and admins; docs/alerts.md): the rules, the alerts firing now (highlighted) and the history with
// the notifications sent, from GET /api/alerts/rules and GET /api/alerts; a form to add a rule, and removal. The page
// refreshes itself every 30 seconds (the server's own evaluation period) and stops when another page is shown.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import { h, clear, benchmark, fmt, kpiIds, message, multiSelect, table } from '../ui.js';

const { t } = i18n;
const REFRESH_MS = 30000;
const KINDS = ['kpi', 'longest_wait', 'waiting', 'volume_over_forecast', 'sla_due', 'sla_breached'];
const RULE_FILTERS = ['channel', 'queue'];
// SLA rules (docs/alerts.md, 'SLA rules') filter by the ticket's priority and tag and by the SLA target.
const SLA_FILTERS = ['priority', 'tag'];
const SLA_METRICS = ['first_reply', 'next_reply', 'periodic_update', 'resolution'];

function kindLabel(r) {
  return r.kind === 'kpi' && r.kpi ? i18n.kpiName(r.kpi) : t(`alerts.kind.${r.kind}`);
}

/** A value in the unit of what the rule measures: the KPI's unit, seconds, contacts or percent above forecast. */
function measure(r, v) {
  if (v == null) return '–';
  if (!r) return i18n.decimal(v, 1);
  switch (r.kind) {
    case 'kpi': return fmt(r.kpi, v);
    case 'longest_wait': return i18n.duration(v);
    case 'waiting': return i18n.count(v);
    default: return t('alerts.overForecast', { value: i18n.decimal(v, 1) });
  }
}

function threshold(r) {
  if (r.threshold_source === 'goal') return t('alerts.threshold.goal', { id: r.goal });
  if (r.threshold_source === 'benchmark') {
    const range = r.kpi ? benchmark(r.kpi) : null;
    return range ? `${t('alerts.threshold.benchmark')} (${range})` : t('alerts.threshold.benchmark');
  }
  return measure(r, r.threshold);
}

function ruleTable(rules, firingRules, ctx, redraw) {
  // Firing, else nothing to measure in the rule's window ("no data", not "ok"), else ok.
  // An SLA rule never fires or clears: it notifies each target once, so it is only ever watching.
  const sla = (r) => r.kind.startsWith('sla_');
  const status = (r) => (sla(r) ? 'watching' : firingRules.has(r.id) ? 'firing' : r.has_data === false ? 'no_data' : 'ok');
  const columns = [
    { key: 'name', label: t('alerts.rule'),
      text: (r) => h('span', { class: 'rule-name', dataset: { rule: r.id }, text: r.name }),
      cls: (r) => (firingRules.has(r.id) ? 'firing' : '') },
    { key: 'status', label: t('alerts.status'), value: status,
      text: (r) => h('span', { class: `badge alert-${status(r)}`, dataset: { status: status(r) },
        text: t(`alerts.status.${status(r)}`) }) },
    { key: 'kind', label: t('alerts.measure'), value: (r) => r.kpi || r.kind, text: kindLabel },
    { key: 'where', label: t('alerts.where'), value: (r) => r.where.join(' '),
      text: (r) => (r.where.length ? r.where.join(', ') : t('alerts.everything')) },
    { key: 'comparison', label: t('alerts.comparison'), value: (r) => r.comparison,
      text: (r) => (sla(r) ? '–' : t(`alerts.comparison.${r.comparison}`)) },
    { key: 'threshold', label: t('alerts.threshold'), numeric: true,
      value: (r) => r.threshold ?? r.threshold_source,
      text: (r) => h('span', { class: 'rule-threshold', dataset: { value: r.threshold ?? '', source: r.threshold_source },
        text: threshold(r) }) },
    { key: 'window', label: t('alerts.window'), value: (r) => (r.kind === 'kpi' ? r.window : r.within ?? null),
      text: (r) => (r.kind === 'kpi' ? r.window : r.within ? t('alerts.withinValue', { within: r.within })
        : t('alerts.now')) },
    { key: 'min_volume', label: t('alerts.minVolume'), numeric: true,
      text: (r) => (sla(r) ? '–' : i18n.count(r.min_volume)) },
    { key: 'cool_down', label: t('alerts.coolDown'), text: (r) => (sla(r) ? '–' : r.cool_down) },
    { key: 'notify', label: t('alerts.notify'), value: (r) => r.notify.join(' '), text: (r) => r.notify.join(', ') },
    { key: 'remove', label: t('alerts.actions'), value: () => null, text: (r) => h('button', {
      type: 'button', class: 'link no-print rule-remove', dataset: { rule: r.id }, text: t('alerts.remove'),
      onclick: async () => {
        if (!window.confirm(t('alerts.confirmRemove', { name: r.name }))) return;
        try {
          await api.del(`/api/alerts/rules/${r.id}`);
          await redraw();
        } catch (e) {
          ctx.fail(e);
        }
      },
    }) },
  ];
  return table(columns, rules, { name: 'alert-rules', caption: t('alerts.rules') });
}

function notifications(a) {
  if (!a.notifications || !a.notifications.length) return '–';
  return a.notifications.map((n) => t('alerts.notification', {
    target: n.target, transition: t(`alerts.transition.${n.transition}`), state: t(`alerts.state.${n.state}`),
  })).join('; ');
}

function firingCard(a, rule, zone) {
  return h('article', { class: 'panel alert-card alert-firing', dataset: { alert: a.id, rule: a.rule_id } },
    h('h3', {}, h('span', { class: 'badge alert-firing', text: t('alerts.status.firing') }), ' ', a.rule || `#${a.rule_id}`),
    h('p', { class: 'alert-message', lang: 'en', text: a.message }),
    h('p', { class: 'muted' }, t('alerts.firedAt', { time: i18n.instant(a.fired_at, zone) }), ' · ',
      t('alerts.valueAgainst', { value: measure(rule, a.value), threshold: measure(rule, a.threshold) })));
}

function historyTable(history, rulesById, zone) {
  const rule = (a) => rulesById.get(a.rule_id);
  const columns = [
    { key: 'rule', label: t('alerts.rule'), text: (a) => a.rule || `#${a.rule_id}` },
    { key: 'status', label: t('alerts.status'),
      text: (a) => t(`alerts.status.${a.status}`), cls: (a) => (a.status === 'firing' ? 'firing' : '') },
    { key: 'fired_at', label: t('alerts.fired'), text: (a) => i18n.instant(a.fired_at, zone) },
    { key: 'value', label: t('alerts.value'), numeric: true, text: (a) => measure(rule(a), a.value) },
    { key: 'threshold', label: t('alerts.threshold'), numeric: true, text: (a) => measure(rule(a), a.threshold) },
    { key: 'resolved_at', label: t('alerts.resolved'), text: (a) => (a.resolved_at ? i18n.instant(a.resolved_at, zone)
      : '–') },
    { key: 'resolved_value', label: t('alerts.resolvedValue'), numeric: true,
      text: (a) => measure(rule(a), a.resolved_value) },
    { key: 'notifications', label: t('alerts.notifications'), value: notifications, text: notifications },
  ];
  return table(columns, history, { name: 'alert-history', caption: t('alerts.history') });
}

export async function alertsPage(ctx) {
  const zone = ctx.state.params.tz;
  const board = h('div', { class: 'alerts', 'aria-live': 'polite' });
  const stamp = h('p', { class: 'muted alerts-updated' });
  const draw = async () => {
    const [rules, alerts] = await Promise.all([api.get('/api/alerts/rules'), api.get('/api/alerts')]);
    const rulesById = new Map(rules.rules.map((r) => [r.id, r]));
    const firingRules = new Set(alerts.firing.map((a) => a.rule_id));
    clear(board).append(
      h('section', { class: 'alerts-firing' },
        h('h2', { text: t('alerts.firing') }),
        alerts.firing.length ? alerts.firing.map((a) => firingCard(a, rulesById.get(a.rule_id), zone))
          : message('status', t('alerts.noneFiring'))),
      rules.rules.length ? ruleTable(rules.rules, firingRules, ctx, draw)
        : h('div', {}, h('h3', { text: t('alerts.rules') }), message('status', t('alerts.noRules'))),
      alerts.history.length ? historyTable(alerts.history, rulesById, zone)
        : h('div', {}, h('h3', { text: t('alerts.history') }), message('status', t('alerts.noHistory'))));
    stamp.textContent = t('alerts.updated', { time: new Date().toLocaleTimeString(i18n.language()) });
  };
  await draw();
  ctx.show(h('h1', { text: t('nav.alerts') }), h('p', { class: 'muted', text: t('alerts.intro') }), stamp, board,
    ruleForm(ctx, draw));
  const timer = setInterval(() => {
    if (!board.isConnected) {
      clearInterval(timer);
      return;
    }
    draw().catch((e) => { stamp.textContent = t('error.api', { details: e.message }); });
  }, REFRESH_MS);
}

function ruleForm(ctx, redraw) {
  const name = h('input', { name: 'name', id: 'rule-name', required: true, autocomplete: 'off' });
  const kind = h('select', { name: 'kind', id: 'rule-kind' },
    KINDS.map((k) => h('option', { value: k }, t(`alerts.kind.${k}`))));
  const kpiSelect = h('select', { name: 'kpi', id: 'rule-kpi' },
    kpiIds().map((k) => h('option', { value: k, selected: k === 'abandonment_rate' }, i18n.kpiName(k))));
  const comparison = h('select', { name: 'comparison', id: 'rule-comparison' },
    ['above', 'below'].map((c) => h('option', { value: c }, t(`alerts.comparison.${c}`))));
  const source = h('select', { name: 'source', id: 'rule-source' },
    ['value', 'goal', 'benchmark'].map((s) => h('option', { value: s }, t(`alerts.source.${s}`))));
  const amount = h('input', { type: 'number', step: 'any', name: 'threshold', id: 'rule-threshold' });
  const goal = h('input', { type: 'number', min: '1', step: '1', name: 'goal', id: 'rule-goal' });
  const window_ = h('input', { name: 'window', id: 'rule-window', value: '15m', autocomplete: 'off' });
  const minVolume = h('input', { type: 'number', min: '0', step: '1', name: 'min_volume', id: 'rule-min-volume',
    value: '0' });
  const coolDown = h('input', { name: 'cool_down', id: 'rule-cool-down', value: '0m', autocomplete: 'off' });
  const notify = h('input', { name: 'notify', id: 'rule-notify', value: 'log', autocomplete: 'off' });
  const chosen = {};
  const filters = RULE_FILTERS.map((d) => multiSelect(d, t(`dimension.${d}`),
    (ctx.extent.values[d] || []).map((v) => ({ value: v, label: i18n.dimValue(d, v) })), [],
    (values) => { chosen[d] = values; }));
  const slaChosen = {};
  const slaFilters = [
    ...SLA_FILTERS.map((d) => multiSelect(d, t(`dimension.${d}`),
      (ctx.extent.values[d] || []).map((v) => ({ value: v, label: v })), [],
      (values) => { slaChosen[d] = values; })),
    multiSelect('metric', t('alerts.metric'), SLA_METRICS.map((m) => ({ value: m, label: t(`alerts.metric.${m}`) })),
      [], (values) => { slaChosen.metric = values; }),
  ];
  const within = h('input', { name: 'within', id: 'rule-within', value: '2h', autocomplete: 'off' });
  const withinLabel = h('label', { class: 'stacked' }, h('span', { text: t('alerts.within') }), within,
    h('span', { class: 'muted hint', text: t('alerts.hint.duration') }));
  const slaHint = h('span', { class: 'muted hint', id: 'rule-sla-hint' });
  const hint = h('span', { class: 'muted hint' });
  const kpiLabelEl = h('label', { class: 'stacked' }, h('span', { text: t('alerts.kpi') }), kpiSelect);
  const windowLabel = h('label', { class: 'stacked' }, h('span', { text: t('alerts.window') }), window_,
    h('span', { class: 'muted hint', text: t('alerts.hint.duration') }));
  const sourceLabel = h('label', { class: 'stacked' }, h('span', { text: t('alerts.source') }), source);
  const amountLabel = h('label', { class: 'stacked' }, h('span', { text: t('alerts.threshold') }), amount, hint);
  const goalLabel = h('label', { class: 'stacked' }, h('span', { text: t('alerts.goal') }), goal);
  const sync = () => {
    const isKpi = kind.value === 'kpi';
    // An SLA rule notifies each target once: no threshold, comparison, window, volume or cool-down.
    const isSla = kind.value.startsWith('sla_');
    if (!isKpi) source.value = 'value';
    kpiLabelEl.hidden = !isKpi;
    windowLabel.hidden = !isKpi;
    sourceLabel.hidden = !isKpi;
    amountLabel.hidden = isSla || source.value !== 'value';
    goalLabel.hidden = source.value !== 'goal';
    amount.required = !isSla && source.value === 'value';
    goal.required = source.value === 'goal';
    for (const el of [comparisonLabel, minVolumeLabel, coolDownLabel, filterRow]) el.hidden = isSla;
    slaFilterRow.hidden = !isSla;
    withinLabel.hidden = kind.value !== 'sla_due';
    within.required = kind.value === 'sla_due';
    slaHint.hidden = !isSla;
    slaHint.textContent = isSla ? t(`alerts.hint.${kind.value}`) : '';
    hint.textContent = isSla ? '' : t(`alerts.hint.${isKpi ? 'kpi' : kind.value}`);
  };
  const comparisonLabel = h('label', { class: 'stacked' }, h('span', { text: t('alerts.comparison') }), comparison);
  const minVolumeLabel = h('label', { class: 'stacked' }, h('span', { text: t('alerts.minVolume') }), minVolume);
  const coolDownLabel = h('label', { class: 'stacked' }, h('span', { text: t('alerts.coolDown') }), coolDown,
    h('span', { class: 'muted hint', text: t('alerts.hint.duration') }));
  const filterRow = h('div', { class: 'stacked' }, h('span', { text: t('alerts.filters') }),
    h('div', { class: 'filter-row' }, filters));
  const slaFilterRow = h('div', { class: 'stacked', id: 'rule-sla-filters' }, h('span', { text: t('alerts.filters') }),
    h('div', { class: 'filter-row' }, slaFilters));
  kind.addEventListener('change', sync);
  source.addEventListener('change', sync);
  sync();
  const status = h('div', { class: 'form-status' });
  const form = h('form', {
    class: 'card inline-form no-print', id: 'rule-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      status.replaceChildren();
      const isSla = kind.value.startsWith('sla_');
      const where = (picked) => Object.entries(picked).filter(([, v]) => v.length).map(([d, v]) => `${d}=${v.join(',')}`);
      const body = isSla
        ? { name: name.value.trim(), kind: kind.value, where: where(slaChosen),
          notify: notify.value.split(/[\s,]+/).filter(Boolean), tz: ctx.state.params.tz }
        : {
          name: name.value.trim(), kind: kind.value, comparison: comparison.value, where: where(chosen),
          notify: notify.value.split(/[\s,]+/).filter(Boolean),
          min_volume: Number(minVolume.value || 0), cool_down: coolDown.value.trim() || undefined, tz: ctx.state.params.tz,
        };
      if (kind.value === 'sla_due') body.within = within.value.trim();
      if (isSla) {
        // nothing more: no threshold
      } else if (kind.value === 'kpi') {
        body.kpi = kpiSelect.value;
        body.window = window_.value.trim() || undefined;
      }
      if (!isSla) {
        if (source.value === 'value') body[comparison.value] = Number(amount.value);
        else if (source.value === 'goal') body.goal = Number(goal.value);
        else body.benchmark = true;
      }
      try {
        await api.post('/api/alerts/rules', body);
        // A new name and threshold, but the same kind and KPI: the next rule is often about the same measure.
        const keep = { kind: kind.value, kpi: kpiSelect.value };
        form.reset();
        kind.value = keep.kind;
        kpiSelect.value = keep.kpi;
        sync();
        status.append(message('status', t('alerts.added', { name: body.name })));
        await redraw();
      } catch (e) {
        status.append(message('error', t('error.api', { details: e.message })));
      }
    },
  },
  h('h2', { text: t('alerts.add') }),
  h('label', { class: 'stacked' }, h('span', { text: t('alerts.name') }), name),
  h('label', { class: 'stacked' }, h('span', { text: t('alerts.measure') }), kind, slaHint),
  kpiLabelEl,
  filterRow, slaFilterRow,
  comparisonLabel,
  sourceLabel, amountLabel, goalLabel, windowLabel, withinLabel,
  minVolumeLabel, coolDownLabel,
  h('label', { class: 'stacked' }, h('span', { text: t('alerts.notify') }), notify,
    h('span', { class: 'muted hint', text: t('alerts.hint.notify') })),
  h('button', { type: 'submit', class: 'primary', text: t('alerts.submit') }),
  status);
  return form;
}
