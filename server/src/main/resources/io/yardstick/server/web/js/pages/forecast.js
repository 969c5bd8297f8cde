// Forecast & staffing (managers and admins): the volume forecast against what came with its 80% band, the model and
// its backtest accuracy against seasonal naive, and the staffing plan as a heat map (day by interval): the agents
// required, or the gap of the agents logged in (red: short, green: over). Inputs live in the URL like every filter.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, chart, message, select, table } from '../ui.js';

const { t } = i18n;
const INTERVALS = ['15', '30', '60'];
const ZONES = ['UTC', 'Europe/Madrid', 'Europe/Bucharest', 'Europe/Lisbon', 'Europe/London', 'Europe/Paris',
  'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Mexico_City', 'Asia/Kolkata'];

/** The page's inputs from the URL, with defaults that show something on the data there is. */
function inputs(ctx) {
  const p = ctx.state.params;
  const channels = ctx.extent.values.channel || [];
  const today = new Date().toISOString().slice(0, 10);
  const last = ctx.extent.last;
  const horizon = Math.min(56, Math.max(1, Number(p.horizon) || 14));
  // Data that stops before today (a demo, an old export): forecast its last days, so the actuals show beside it.
  const start = /^\d{4}-\d{2}-\d{2}$/.test(p.start || '') ? p.start
    : (last && last < today ? state.addDays(last, -(horizon - 1)) : today);
  return {
    channel: channels.includes(p.channel) ? p.channel : (channels.includes('phone') ? 'phone' : channels[0]),
    interval: INTERVALS.includes(p.interval) ? p.interval : '30',
    horizon,
    start,
    aht: Number(p.aht) > 0 ? p.aht : '',
    sl: Number(p.sl) > 1 && Number(p.sl) < 100 ? p.sl : '80',
    answer: Number(p.answer) >= 0 && p.answer !== undefined && p.answer !== '' ? p.answer : '20',
    view: p.view === 'gap' ? 'gap' : 'required',
    holidays: /^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(p.holidays || '') ? p.holidays.toUpperCase() : '',
    tz: p.tz,
    last,
    channels,
  };
}

export async function forecastPage(ctx) {
  const x = inputs(ctx);
  const controls = controlBar(x);
  if (!x.channel) {
    ctx.show(h('h1', { text: t('nav.forecast') }), controls, message('status', t('forecast.noChannel')));
    return;
  }
  const end = state.addDays(x.start, x.horizon - 1);
  const common = { channel: x.channel, interval: x.interval, tz: x.tz, aht: x.aht || undefined,
    service_level: x.sl, answer_seconds: x.answer };
  // The gap needs agents who logged in: the plan's days that are in the data, else the same number of days before.
  let planParams;
  if (x.view === 'gap') {
    const to = x.last && end > x.last ? x.last : end;
    const from = x.start <= to ? x.start : state.addDays(to, -(x.horizon - 1));
    planParams = { ...common, source: 'history', from, to };
  } else {
    planParams = { ...common, source: 'forecast', from: x.start, to: end };
  }
  const [forecast, plan] = await Promise.all([
    api.get('/api/forecast', { channel: x.channel, interval: x.interval, horizon: x.horizon, tz: x.tz, start: x.start,
      holidays: x.holidays || undefined }),
    api.get('/api/staffing', planParams),
  ]);
  ctx.show(
    h('h1', { text: t('nav.forecast') }),
    controls,
    h('section', { class: 'panel' },
      h('h2', { text: t('forecast.title', { channel: i18n.channel(x.channel) }) }),
      modelLine(forecast),
      forecastChart(forecast, x),
      specialList(forecast)),
    h('section', { class: 'panel' },
      h('h2', { text: t(x.view === 'gap' ? 'forecast.gapTitle' : 'forecast.requiredTitle') }),
      planLine(plan),
      heatMap(plan, x),
      planTable(plan)));
}

function controlBar(x) {
  const number = (name, label, value, attrs) => h('label', { class: 'field' }, h('span', { text: label }),
    h('input', { type: 'number', name, value, ...attrs,
      onchange: (ev) => state.update({ [name]: ev.target.value }) }));
  return h('div', { class: 'controls no-print', id: 'forecast-controls' },
    select(t('dimension.channel'), x.channels.map((c) => ({ value: c, label: i18n.channel(c) })), x.channel,
      (v) => state.update({ channel: v }), { name: 'channel' }),
    select(t('forecast.interval'), INTERVALS.map((i) => ({ value: i, label: t('forecast.minutes', { minutes: i }) })),
      x.interval, (v) => state.update({ interval: v }), { name: 'interval' }),
    h('label', { class: 'field' }, h('span', { text: t('forecast.start') }), h('input', {
      type: 'date', name: 'start', value: x.start,
      onchange: (ev) => ev.target.value && state.update({ start: ev.target.value }),
    })),
    number('horizon', t('forecast.horizon'), String(x.horizon), { min: '1', max: '56', step: '1' }),
    number('aht', t('forecast.aht'), x.aht, { min: '1', step: 'any', placeholder: t('forecast.ahtFromHistory') }),
    number('sl', t('forecast.serviceLevel'), x.sl, { min: '1', max: '99', step: 'any' }),
    number('answer', t('forecast.answerSeconds'), x.answer, { min: '0', step: '1' }),
    h('label', { class: 'field' }, h('span', { text: t('forecast.holidays') }), h('input', {
      type: 'text', name: 'holidays', value: x.holidays, placeholder: 'ES-CT', size: '6',
      title: t('forecast.holidaysHint'),
      onchange: (ev) => state.update({ holidays: ev.target.value.trim() }),
    })),
    select(t('forecast.view'), [{ value: 'required', label: t('forecast.view.required') },
      { value: 'gap', label: t('forecast.view.gap') }], x.view, (v) => state.update({ view: v }), { name: 'view' }),
    select(t('period.zone'), [...new Set([x.tz, ...ZONES])].map((z) => ({ value: z, label: z })), x.tz, (z) => {
      localStorage.setItem('yardstick.tz', z);
      state.update({ tz: z });
    }, { name: 'tz' }));
}

function modelLine(f) {
  const a = f.accuracy;
  const model = h('strong', { id: 'forecast-model', dataset: { model: f.model }, text: t(`forecast.model.${f.model}`) });
  if (a.wape == null) return h('p', {}, t('forecast.model'), ': ', model, ' · ', t('forecast.noBacktest'));
  return h('p', {}, t('forecast.model'), ': ', model, ' · ',
    h('span', { id: 'forecast-wape', dataset: { value: a.wape }, text: t('forecast.accuracy', {
      wape: i18n.percent(a.wape), naive: i18n.percent(a.seasonal_naive_wape),
    }) }),
    a.improvement != null && a.improvement > 0.05
      ? h('span', { class: 'good', text: ` (${t('forecast.better', { points: i18n.decimal(a.improvement, 1) })})` })
      : null,
    h('span', { class: 'muted', text: ` · ${t('forecast.history', {
      from: i18n.date(f.history.from), to: i18n.date(f.history.to), contacts: i18n.count(f.history.contacts),
    })}` }));
}

/** "2026-06-17T08:30+02:00" as shown on the axis: "17 Jun 08:30". */
function label(start) {
  return `${i18n.date(start.slice(0, 10))} ${start.slice(11, 16)}`;
}

/**
 * The special days (found in the history, or holidays of the calendar asked, past and ahead): what came against what
 * the weekday brings, and why; left out of learning unless kept.
 */
function specialList(f) {
  const days = f.special_days || [];
  // Outages found within ordinary days (docs/forecasting.md): left out of learning like special days.
  const outages = f.special_intervals || [];
  if (!days.length && !outages.length) return null;
  const volume = (s) => t('forecast.specialVolume', { volume: i18n.count(s.volume),
    expected: s.expected == null ? '–' : i18n.count(Math.round(s.expected)) });
  return h('div', { id: 'forecast-special' },
    h('p', { class: 'muted', text: t('forecast.special') }),
    h('ul', {}, ...days.map((s) => h('li', { dataset: { date: s.date, why: s.why },
      text: [i18n.date(s.date), t(`forecast.why.${s.why}`), s.name,
        s.volume != null ? volume(s) : null,
      ].filter(Boolean).join(' · ') })),
    ...outages.map((s) => h('li', { dataset: { start: s.start, why: s.why },
      text: [`${label(s.start)}–${s.end.slice(11, 16)}`, t(`forecast.why.${s.why}`), volume(s)].join(' · ') }))));
}

/** Shaded spans of the chart over its special days (whole local days among the chart's intervals) and outages. */
function specialAreas(f, starts) {
  const areas = [];
  for (const s of f.special_days || []) {
    const inDay = starts.filter((x) => x.slice(0, 10) === s.date);
    if (!inDay.length) continue;
    areas.push([{ name: t(`forecast.why.${s.why}`), xAxis: label(inDay[0]) }, { xAxis: label(inDay[inDay.length - 1]) }]);
  }
  for (const s of f.special_intervals || []) {
    const from = Date.parse(s.start);
    const to = Date.parse(s.end);
    const inside = starts.filter((x) => Date.parse(x) >= from && Date.parse(x) < to);
    if (!inside.length) continue;
    areas.push([{ name: t(`forecast.why.${s.why}`), xAxis: label(inside[0]) },
      { xAxis: label(inside[inside.length - 1]) }]);
  }
  return areas;
}

function forecastChart(f, x) {
  const starts = [...new Set([...f.actuals.map((p) => p.start), ...f.intervals.map((p) => p.start)])];
  const actual = new Map(f.actuals.map((p) => [p.start, p.actual]));
  const fc = new Map(f.intervals.map((p) => [p.start, p]));
  const low = starts.map((s) => fc.get(s)?.low ?? null);
  const band = starts.map((s) => {
    const p = fc.get(s);
    return p && p.low != null && p.high != null ? p.high - p.low : null;
  });
  return chart({
    tooltip: { trigger: 'axis', formatter: (items) => {
      const i = items[0].dataIndex;
      const p = fc.get(starts[i]);
      return [label(starts[i]),
        actual.has(starts[i]) ? `${t('forecast.actual')}: ${i18n.count(actual.get(starts[i]))}` : null,
        p ? `${t('forecast.forecast')}: ${i18n.decimal(p.forecast, 1)}` : null,
        p && p.low != null ? `${t('forecast.band')}: ${i18n.decimal(p.low, 1)} – ${i18n.decimal(p.high, 1)}` : null,
      ].filter(Boolean).join('\n');
    } },
    legend: { top: 0, data: [t('forecast.actual'), t('forecast.forecast'), t('forecast.band')] },
    grid: { left: 56, right: 16, top: 36, bottom: 56 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 6 }],
    xAxis: { type: 'category', data: starts.map(label), boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => i18n.axis('count', v) } },
    series: [
      { name: 'low', type: 'line', data: low, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 },
        silent: true, tooltip: { show: false } },
      { name: t('forecast.band'), type: 'line', data: band, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(224, 123, 57, 0.22)' }, itemStyle: { color: 'rgba(224, 123, 57, 0.4)' } },
      { name: t('forecast.actual'), type: 'line', data: starts.map((s) => (actual.has(s) ? actual.get(s) : null)),
        symbol: 'none', itemStyle: { color: '#2f6fb3' }, lineStyle: { width: 1.5 },
        markArea: { silent: true, itemStyle: { color: 'rgba(120, 120, 120, 0.15)' },
          label: { position: 'insideTop', fontSize: 10 }, data: specialAreas(f, starts) } },
      { name: t('forecast.forecast'), type: 'line', data: starts.map((s) => fc.get(s)?.forecast ?? null),
        symbol: 'none', itemStyle: { color: '#e07b39' }, lineStyle: { width: 2 } },
    ],
  }, { cls: 'chart tall', label: t('forecast.title', { channel: i18n.channel(x.channel) }) });
}

function planLine(plan) {
  return h('p', {},
    h('span', { id: 'plan-peak', dataset: { value: plan.peak_agents },
      text: t('forecast.peak', { agents: i18n.count(plan.peak_agents) }) }), ' · ',
    t('forecast.hours', { required: i18n.decimal(plan.agent_hours, 1), scheduled: i18n.decimal(plan.scheduled_hours, 1) }),
    ' · ', t(plan.aht_source === 'given' ? 'forecast.ahtGiven' : 'forecast.ahtHistory', { aht: i18n.duration(plan.aht) }),
    ' · ', t('forecast.target', { sl: i18n.percent(plan.service_level_target),
      seconds: i18n.count(plan.answer_seconds) }),
    plan.source === 'history' ? h('span', { class: 'muted', text: ` · ${t('forecast.period', {
      from: i18n.date(plan.from), to: i18n.date(plan.to) })}` }) : null);
}

function heatMap(plan, x) {
  const gap = plan.source === 'history' && x.view === 'gap';
  const days = [...new Set(plan.intervals.map((r) => r.start.slice(0, 10)))];
  const times = [...new Set(plan.intervals.map((r) => r.start.slice(11, 16)))].sort();
  const data = plan.intervals.map((r) => [times.indexOf(r.start.slice(11, 16)), days.indexOf(r.start.slice(0, 10)),
    gap ? r.gap : r.agents]);
  const values = data.map((d) => d[2]).filter((v) => v != null);
  const span = Math.max(1, ...values.map(Math.abs));
  const visualMap = gap
    ? { min: -span, max: span, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, precision: 1,
      inRange: { color: ['#b3261e', '#f4c7c3', '#f7f7f7', '#b7e1c4', '#1f7a44'] } }
    : { min: 0, max: span, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
      inRange: { color: ['#f2f6fb', '#9cc0e6', '#2f6fb3', '#14324f'] } };
  const box = chart({
    tooltip: { trigger: 'item', formatter: (p) => {
      const r = plan.intervals.find((i) => i.start.slice(0, 10) === days[p.value[1]]
        && i.start.slice(11, 16) === times[p.value[0]]);
      if (!r) return '';
      return [`${i18n.date(days[p.value[1]])} ${times[p.value[0]]}`,
        `${t('forecast.contacts')}: ${i18n.decimal(r.contacts, 1)}`,
        `${t('forecast.required')}: ${i18n.count(r.agents)}`,
        `${t('forecast.scheduled')}: ${i18n.count(r.scheduled_agents)}`,
        r.logged_in != null ? `${t('forecast.loggedIn')}: ${i18n.decimal(r.logged_in, 1)}` : null,
        r.gap != null ? `${t('forecast.gap')}: ${i18n.decimal(r.gap, 1)}` : null].filter(Boolean).join('\n');
    } },
    grid: { left: 96, right: 16, top: 8, bottom: 64 },
    xAxis: { type: 'category', data: times, splitArea: { show: true } },
    yAxis: { type: 'category', data: days.map((d) => i18n.date(d)), inverse: true },
    visualMap,
    series: [{ type: 'heatmap', data, name: t(gap ? 'forecast.gap' : 'forecast.required') }],
  }, { cls: 'chart heatmap', label: t(gap ? 'forecast.gapTitle' : 'forecast.requiredTitle') });
  box.classList.toggle('tall-heatmap', days.length > 10);
  return box;
}

function planTable(plan) {
  const rows = plan.intervals.filter((r) => r.contacts > 0 || (r.logged_in != null && r.logged_in > 0));
  return h('details', { class: 'plan-details' }, h('summary', { text: t('forecast.table') }), table([
    { key: 'start', label: t('forecast.intervalStart'), text: (r) => label(r.start) },
    { key: 'contacts', label: t('forecast.contacts'), numeric: true, text: (r) => i18n.decimal(r.contacts, 1) },
    { key: 'agents', label: t('forecast.required'), numeric: true, text: (r) => i18n.count(r.agents) },
    { key: 'scheduled_agents', label: t('forecast.scheduled'), numeric: true,
      text: (r) => i18n.count(r.scheduled_agents) },
    { key: 'logged_in', label: t('forecast.loggedIn'), numeric: true, text: (r) => i18n.decimal(r.logged_in, 1) },
    { key: 'gap', label: t('forecast.gap'), numeric: true, text: (r) => i18n.decimal(r.gap, 1),
      cls: (r) => (r.gap == null ? '' : r.gap < 0 ? 'bad' : 'good') },
    { key: 'service_level', label: t('forecast.serviceLevelModel'), numeric: true,
      text: (r) => i18n.percent(r.service_level) },
  ], rows, { name: 'staffing' }));
}
