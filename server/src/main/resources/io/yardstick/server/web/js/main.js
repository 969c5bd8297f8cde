// Start-up, the header with its menus, the shared filter bar and the router. Pages are modules under pages/.
import * as api from './api.js';
import * as i18n from './i18n.js';
import * as state from './state.js';
import { h, clear, setCatalog, disposeCharts, message, loading, multiSelect, select } from './ui.js';
import { loginPage } from './pages/login.js';
import { overviewPage } from './pages/overview.js';
import { trendsPage } from './pages/trends.js';
import { breakdownPage } from './pages/breakdown.js';
import { topicsPage } from './pages/topics.js';
import { agentsPage } from './pages/agents.js';
import { agentPage } from './pages/agent.js';
import { contactsPage } from './pages/contacts.js';
import { usersPage } from './pages/users.js';
import { auditPage } from './pages/audit.js';
import { wallboardPage } from './pages/wallboard.js';
import { goalsPage } from './pages/goals.js';
import { forecastPage } from './pages/forecast.js';
import { alertsPage } from './pages/alerts.js';
import { reportsPage } from './pages/reports.js';
import { backlogPage } from './pages/backlog.js';

const { t } = i18n;

/** What every page gets: the user, the store's extent and helpers. */
const app = { user: null, extent: null };

const PAGES = {
  overview: { render: overviewPage, managers: true },
  trends: { render: trendsPage, managers: true },
  channels: { render: (ctx) => breakdownPage(ctx, 'channel'), managers: true },
  queues: { render: (ctx) => breakdownPage(ctx, 'queue'), managers: true },
  topics: { render: topicsPage, managers: true, notLeads: true },
  agents: { render: agentsPage, managers: true },
  agent: { render: agentPage },
  contacts: { render: contactsPage },
  users: { render: usersPage, admins: true },
  audit: { render: auditPage, admins: true, ownBar: true },
  wallboard: { render: wallboardPage, ownBar: true },
  goals: { render: goalsPage, managers: true, notLeads: true, ownBar: true },
  forecast: { render: forecastPage, managers: true, notLeads: true, ownBar: true },
  alerts: { render: alertsPage, managers: true, notLeads: true, ownBar: true },
  reports: { render: reportsPage, ownBar: true },
  backlog: { render: backlogPage, managers: true },
};
const NAV = ['overview', 'trends', 'channels', 'queues', 'backlog', 'topics', 'agents', 'wallboard', 'alerts', 'goals', 'forecast', 'reports', 'contacts',
  'users', 'audit'];

function seesEveryone() {
  return app.user && app.user.role !== 'agent';
}

function home() {
  return seesEveryone() ? 'overview' : 'agent';
}

async function start() {
  await i18n.load(i18n.pickLanguage());
  api.whenUnauthorized(() => {
    app.user = null;
    showLogin();
  });
  try {
    app.user = await api.get('/api/me');
    api.setCsrf(app.user.csrf);
  } catch (e) {
    if (e.status !== 401) {
      clear(document.getElementById('page')).append(message('error', e.message));
      return;
    }
  }
  if (!app.user || app.user.must_change_password) showLogin();
  else await enter();
}

function showLogin() {
  disposeCharts();
  renderHeader();
  clear(document.getElementById('filters'));
  document.body.dataset.page = 'login';
  loginPage(clear(document.getElementById('page')), {
    user: app.user,
    done: async (user) => {
      app.user = user;
      await enter();
    },
  });
}

async function enter() {
  const [catalog, me, named] = await Promise.all([api.get('/api/kpis'), api.get('/api/me'), api.get('/api/labels')]);
  setCatalog(catalog.kpis);
  i18n.setLabels(named.labels);
  app.user = me;
  api.setCsrf(me.csrf);
  window.removeEventListener('hashchange', route);
  window.addEventListener('hashchange', route);
  await route();
}

function defaultZone() {
  return localStorage.getItem('yardstick.tz') || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Fills in what the URL lacks (period, zone, page) and renders the page. */
async function route() {
  if (!app.user) return;
  const s = state.current();
  const tz = s.params.tz || defaultZone();
  if (!app.extent || app.extent.tz !== tz) {
    try {
      app.extent = await api.get('/api/extent', { tz });
    } catch (e) {
      clear(document.getElementById('page')).append(message('error', e.message));
      return;
    }
  }
  let page = s.page;
  let arg = s.arg;
  const spec = PAGES[page];
  if (!spec || (spec.managers && !seesEveryone()) || (spec.admins && app.user.role !== 'admin')
    || (spec.notLeads && app.user.role === 'lead')) {
    page = home();
    arg = undefined;
  }
  if (page === 'agent' && !arg) arg = seesEveryone() ? null : app.user.agent_id;
  if (page === 'agent' && !arg) page = 'agents';
  if (page !== 'reports') {
    // The Reports page saves "the current view": the page shown last, with its parameters and filters.
    sessionStorage.setItem('yardstick.lastView', JSON.stringify({ page, arg, params: s.params, where: s.where }));
  }
  if (page !== s.page || arg !== s.arg || !s.params.from || !s.params.to || !s.params.tz) {
    const last = app.extent.last || new Date().toISOString().slice(0, 10);
    const params = {
      ...s.params, tz, from: s.params.from || state.addDays(last, -27), to: s.params.to || last,
    };
    history.replaceState(null, '', state.href(page, arg, params, s.where));
  }
  render();
}

/** Renders started; a page whose data comes after another page was opened shows nothing (it is stale). */
let renders = 0;

function render() {
  const seq = ++renders;
  const s = state.current();
  disposeCharts();
  document.body.dataset.page = s.page;
  document.title = `${t(`nav.${s.page}`)} · Yardstick`;
  renderHeader();
  renderFilters(s);
  const main = clear(document.getElementById('page'));
  main.append(loading());
  const ctx = {
    ...app, state: s, filters: state.apiFilters(s), seesEveryone: seesEveryone(), main,
    show: (...nodes) => {
      if (seq !== renders) return;
      clear(main);
      main.append(h('p', { class: 'print-only print-summary', text: periodSummary(s) }), ...nodes);
    },
    fail: (e) => {
      if (seq !== renders) return;
      clear(main);
      main.append(message('error', e.status === 403 ? t('error.forbidden', { details: e.message })
        : t('error.api', { details: e.message })));
    },
  };
  Promise.resolve(PAGES[s.page].render(ctx)).catch(ctx.fail);
}

function periodSummary(s) {
  const filters = Object.entries(s.where).filter(([, v]) => v.length)
    .map(([d, v]) => `${t(`dimension.${d}`)}: ${v.join(', ')}`);
  return [t(`nav.${s.page}`), t('period.range', { from: i18n.date(s.params.from), to: i18n.date(s.params.to) }),
    s.params.tz, ...filters].join(' · ');
}

function renderHeader() {
  const top = clear(document.getElementById('top'));
  const s = state.current();
  const brand = h('a', { class: 'brand', href: '#/' }, 'Yardstick');
  const language = select(t('language.label'), i18n.LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) })),
    i18n.language(), async (l) => {
      i18n.remember(l);
      await i18n.load(l);
      if (app.user && !app.user.must_change_password) render();
      else showLogin();
    }, { id: 'language' });
  language.classList.add('language');
  if (!app.user || app.user.must_change_password) {
    top.append(brand, h('span', { class: 'spacer' }), language);
    return;
  }
  const items = NAV.filter((p) => {
    const spec = PAGES[p];
    return !(spec.managers && !seesEveryone()) && !(spec.admins && app.user.role !== 'admin')
      && !(spec.notLeads && app.user.role === 'lead');
  });
  const nav = h('nav', { class: 'nav', 'aria-label': t('nav.label') },
    !seesEveryone() ? h('a', {
      href: state.href('agent', app.user.agent_id, { from: s.params.from, to: s.params.to, tz: s.params.tz }),
      class: s.page === 'agent' ? 'active' : '', text: t('nav.myReport'), dataset: { nav: 'agent' },
    }) : null,
    items.map((p) => h('a', {
      href: '#', class: s.page === p ? 'active' : '', text: t(`nav.${p}`), dataset: { nav: p },
      onclick: (ev) => {
        ev.preventDefault();
        state.go(p, undefined, {}, p === 'users' ? {} : undefined);
      },
    })));
  const user = h('span', { class: 'user' },
    h('span', { class: 'user-name', text: t('user.signedIn', { name: app.user.name, role: t(`role.${app.user.role}`) }) }),
    h('button', { type: 'button', class: 'link', text: t('action.print'), onclick: () => window.print() }),
    h('button', {
      type: 'button', class: 'link', id: 'logout', text: t('action.logout'),
      onclick: async () => {
        const out = await api.post('/api/logout').catch(() => ({}));
        app.user = null;
        // Signed in by single sign-on: end the provider's session too (it sends the browser back here).
        if (out && typeof out.logout_url === 'string' && /^https?:\/\//.test(out.logout_url)) {
          window.location.assign(out.logout_url);
          return;
        }
        showLogin();
      },
    }));
  top.append(brand, nav, h('span', { class: 'spacer' }), language, user);
  fitNav(nav);
}

/**
 * Keeps the menu on one line in every language and width (issue 16): the entries that do not fit go, from the end,
 * into a "More" menu at its end (the current page's entry stays in view).
 */
function fitNav(nav) {
  const links = [...nav.querySelectorAll(':scope > a')];
  const list = h('div', { class: 'nav-more-list' });
  const more = h('details', { class: 'nav-more' }, h('summary', { text: t('nav.more') }), list);
  nav.append(more);
  const fit = () => {
    links.forEach((a) => nav.insertBefore(a, more));
    more.hidden = true;
    more.open = false;
    if (nav.scrollWidth <= nav.clientWidth + 1) return;
    more.hidden = false;
    const movable = links.filter((a) => !a.classList.contains('active')).reverse();
    for (const a of movable) {
      if (nav.scrollWidth <= nav.clientWidth + 1) break;
      list.prepend(a);
    }
    more.classList.toggle('active', !!list.querySelector('a.active'));
  };
  fit();
  // Chosen from the list: close it; the page's own render draws the header again.
  list.addEventListener('click', () => { more.open = false; });
  navResize.fit = fit;
}
const navResize = { fit: null };
window.addEventListener('resize', () => navResize.fit?.());

const ZONES = ['UTC', 'Europe/Madrid', 'Europe/Bucharest', 'Europe/Lisbon', 'Europe/London', 'Europe/Paris',
  'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Mexico_City', 'America/Bogota',
  'America/Sao_Paulo', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney'];

function renderFilters(s) {
  const bar = document.getElementById('filters');
  const open = bar.querySelector('details[open]')?.dataset.filter;
  clear(bar);
  if (s.page === 'users' || PAGES[s.page]?.ownBar) return;
  const last = app.extent.last;
  const first = app.extent.first;
  const date = (name) => h('label', { class: 'field' }, h('span', { text: t(`period.${name}`) }), h('input', {
    type: 'date', name, value: s.params[name], min: first || undefined, max: last || undefined,
    onchange: (ev) => ev.target.value && state.update({ [name]: ev.target.value, page: undefined }),
  }));
  const quick = [7, 28, 90, 365].map((n) => ({ value: String(n), label: t('period.lastDays', { days: n }) }));
  const span = last ? state.daysBetween(s.params.from, s.params.to) : null;
  const current = s.params.to === last && quick.some((q) => Number(q.value) === span) ? String(span) : '';
  const ranges = select(t('period.quick'), [{ value: '', label: t('period.custom') }, ...quick], current, (v) => {
    if (v && last) state.update({ from: state.addDays(last, -(Number(v) - 1)), to: last, page: undefined });
  }, { name: 'range' });
  const zones = [...new Set([s.params.tz, defaultZone(), ...ZONES])];
  const zone = select(t('period.zone'), zones.map((z) => ({ value: z, label: z })), s.params.tz, (z) => {
    localStorage.setItem('yardstick.tz', z);
    state.update({ tz: z, page: undefined });
  }, { name: 'tz' });
  const filters = seesEveryone() ? state.FILTER_DIMENSIONS.filter((d) => !state.TICKET_DIMENSIONS.includes(d)
    || (app.extent.values[d] || []).length).map((d) => multiSelect(d, t(`dimension.${d}`),
    (app.extent.values[d] || []).map((v) => ({ value: v, label: i18n.dimValue(d, v) })), s.where[d], (values) => {
      state.update({ page: undefined }, { ...state.current().where, [d]: values });
    })) : [];
  filters.forEach((f) => { if (f.dataset.filter === open) f.open = true; });
  const anyFilter = Object.values(s.where).some((v) => v.length);
  bar.append(h('div', { class: 'filter-row' }, date('from'), date('to'), ranges, zone),
    seesEveryone() ? h('div', { class: 'filter-row' }, filters, anyFilter ? h('button', {
      type: 'button', class: 'link', text: t('filter.clear'), onclick: () => state.update({ page: undefined }, {}),
    }) : null) : null);
}

start().catch((e) => {
  clear(document.getElementById('page')).append(message('error', String(e.message || e)));
});
