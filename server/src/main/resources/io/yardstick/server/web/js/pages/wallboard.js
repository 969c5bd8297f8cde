// Wallboard: today so far (contacts, service level, abandonment in the page's zone, from GET /api/kpi) and each queue
// now (contacts waiting, the longest wait, agents available) from GET /api/live, fed by the live events of
// POST /api/events; it refreshes itself every few seconds and stops when another page is shown.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import { h, clear, fmt, kpiLabel, message } from '../ui.js';

const { t } = i18n;
const REFRESH_MS = 5000;
/** Waits longer than this (the 3-minute alarm of docs/alerts.md) are shown in the alarm colour. */
const LONG_WAIT_S = 180;

function clock(seconds) {
  if (seconds == null) return '–';
  const m = Math.floor(seconds / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return `${m}:${s}`;
}

function tile(q, title) {
  const long = q.longest_wait_s != null && q.longest_wait_s > LONG_WAIT_S;
  return h('section', { class: `panel wall-tile${long ? ' wall-long' : ''}`, dataset: { queue: q.queue || '' } },
    h('h2', { text: title }),
    h('dl', {},
      h('dt', { text: t('wallboard.waiting') }), h('dd', { class: 'wall-waiting', text: i18n.count(q.waiting) }),
      h('dt', { text: t('wallboard.longestWait') }), h('dd', { class: 'wall-wait', text: clock(q.longest_wait_s) }),
      h('dt', { text: t('wallboard.agentsAvailable') }), h('dd', { text: i18n.count(q.agents_available) })));
}

/** Today's KPIs on the wallboard: what a supervisor reads at a glance beside the queues. */
const TODAY = ['contacts', 'service_level', 'abandonment_rate'];

/** The local date of an instant in a zone, as YYYY-MM-DD. */
function dateIn(zone, instant) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(instant));
}

function todayTiles(result, date) {
  const kpis = result.rows[0].kpis;
  return h('section', { class: 'panel wall-today', dataset: { date } },
    h('h2', { text: t('wallboard.today', { date: i18n.date(date) }) }),
    kpis.contacts ? h('dl', {}, TODAY.map((id) => [
      h('dt', {}, kpiLabel(id)), h('dd', { class: 'wall-kpi', dataset: { kpi: id, value: kpis[id] ?? '' },
        text: fmt(id, kpis[id]) })]))
      : message('status', t('wallboard.noToday')));
}

export async function wallboardPage(ctx) {
  const board = h('div', { class: 'wallboard', 'aria-live': 'polite' });
  const stamp = h('p', { class: 'muted' });
  const zone = ctx.filters.tz;
  const draw = async () => {
    const live = await api.get('/api/live');
    const date = dateIn(zone, live.at);   // the server's today, in the page's zone
    const today = await api.get('/api/kpi', { from: date, to: date, tz: zone, kpi: TODAY.join(',') });
    clear(board).append(todayTiles(today, date), tile(live.total, t('wallboard.total')),
      live.queues.map((q) => tile(q, q.queue || t('wallboard.noQueue'))));
    if (!live.queues.length) board.append(message('status', t('wallboard.none')));
    stamp.textContent = t('wallboard.updated', { time: new Date(live.at).toLocaleTimeString(i18n.language()) });
  };
  await draw();
  ctx.show(h('h1', { text: t('nav.wallboard') }), stamp, board);
  const timer = setInterval(() => {
    if (!board.isConnected) {
      clearInterval(timer);
      return;
    }
    draw().catch((e) => { stamp.textContent = t('error.api', { details: e.message }); });
  }, REFRESH_MS);
}
