// Wallboard: each queue now (contacts waiting, the longest wait, agents available) from GET /api/live, fed by the
// live events of POST /api/events; it refreshes itself every few seconds and stops when another page is shown.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import { h, clear, message } from '../ui.js';

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

export async function wallboardPage(ctx) {
  const board = h('div', { class: 'wallboard', 'aria-live': 'polite' });
  const stamp = h('p', { class: 'muted' });
  const draw = async () => {
    const live = await api.get('/api/live');
    clear(board).append(tile(live.total, t('wallboard.total')),
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
