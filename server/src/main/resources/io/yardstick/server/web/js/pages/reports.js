// Reports (docs/reports.md): save the current view under a name with a period that moves with time, list the saved
// views and dashboards, open one, preview its PDF, rename or remove it, schedule it to e-mail, Slack or Teams, send it
// now and read the history of its deliveries. From /api/views and /api/schedules.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, clear, message, table } from '../ui.js';
import * as dashboard from './dashboard.js';

const { t } = i18n;
const PERIODS = ['last_7_days', 'last_week', 'last_month', 'month_to_date', 'quarter_to_date', 'year_to_date',
  'yesterday'];
const PAGES = ['overview', 'trends', 'channels', 'queues', 'topics', 'agents', 'agent', 'contacts'];
const ROLES = ['manager', 'lead', 'agent', 'admin'];

/** The page last shown before this one (main.js keeps it), else the overview with the filter bar's state. */
function lastView(ctx) {
  try {
    const last = JSON.parse(sessionStorage.getItem('yardstick.lastView') || 'null');
    if (last && PAGES.includes(last.page)) return last;
  } catch (e) {
    // a damaged entry: start from the overview
  }
  return { page: 'overview', arg: undefined, params: ctx.state.params, where: ctx.state.where };
}

function whereList(where) {
  return Object.entries(where || {}).filter(([, v]) => v.length).map(([d, v]) => `${d}=${v.join(',')}`);
}

function periodLabel(p) {
  if (p.includes('..')) return p;
  const [rel, lastYear] = p.split(':');
  const name = t(`report.period.${rel}`);
  return lastYear ? t('report.period.lastYear', { period: name }) : name;
}

function periodSelect(id, withFixed) {
  return h('select', { id },
    PERIODS.flatMap((p) => [h('option', { value: p }, periodLabel(p)),
      h('option', { value: `${p}:last_year` }, periodLabel(`${p}:last_year`))]),
    withFixed ? h('option', { value: 'fixed' }, t('report.period.fixed')) : null);
}

function saveForm(ctx, redraw) {
  const last = lastView(ctx);
  const name = h('input', { name: 'name', id: 'view-name', required: true, autocomplete: 'off' });
  const page = h('select', { id: 'view-page' }, PAGES.map((p) => h('option', { value: p, selected: p === last.page },
    t(`nav.${p}`))));
  const period = periodSelect('view-period', true);
  const shared = ROLES.map((r) => h('input', { type: 'checkbox', value: r, name: 'shared' }));
  const status = h('div', { class: 'form-status' });
  const form = h('form', {
    class: 'card report-form no-print', id: 'view-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      const params = last.params || {};
      const body = {
        name: name.value, page: page.value, tz: params.tz || ctx.state.params.tz,
        period: period.value === 'fixed' ? `${params.from || ctx.state.params.from}..${params.to || ctx.state.params.to}`
          : period.value,
        where: whereList(last.where), shared: shared.filter((c) => c.checked).map((c) => c.value),
        compare: true,
      };
      if (page.value === 'agent' && last.arg) body.arg = last.arg;
      if (params.kpi) body.kpis = params.kpi.split(',');
      if (params.by && page.value === 'trends') body.by = [];
      try {
        await api.post('/api/views', body);
        name.value = '';
        await redraw();
      } catch (e) {
        clear(status).append(message('error', t('error.api', { details: e.message })));
      }
    },
  },
  h('h2', { text: t('reports.save') }),
  h('label', { class: 'stacked' }, h('span', { text: t('reports.name') }), name),
  h('label', { class: 'stacked' }, h('span', { text: t('reports.from') }), page),
  h('label', { class: 'stacked' }, h('span', { text: t('report.period') }), period),
  ctx.seesEveryone ? h('fieldset', { class: 'roles' }, h('legend', { text: t('reports.shared') }),
    shared.map((c) => h('label', { class: 'check' }, c, ' ', t(`role.${c.value}`)))) : null,
  h('button', { type: 'submit', class: 'primary', text: t('reports.save') }),
  status);
  return form;
}

function scheduleForm(ctx, view, redraw) {
  const kind = h('select', { class: 'schedule-kind' },
    ['daily', 'weekly', 'first', 'cron'].map((k) => h('option', { value: k }, t(`reports.cadence.${k}`))));
  const time = h('input', { type: 'time', value: '08:00', class: 'schedule-time' });
  const cron = h('input', { class: 'schedule-cron', value: '0 8 * * 1-5', autocomplete: 'off' });
  const targets = h('textarea', { class: 'schedule-targets', rows: 2 });
  const language = h('select', { class: 'schedule-language' },
    i18n.LANGUAGES.map((l) => h('option', { value: l, selected: l === i18n.language() }, t(`language.${l}`))));
  const status = h('div', { class: 'form-status' });
  return h('form', {
    class: 'no-print schedule-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      const cadence = { daily: `daily@${time.value}`, weekly: `weekly:mon@${time.value}`,
        first: `first_working_day@${time.value}`, cron: `cron:${cron.value}` }[kind.value];
      try {
        await api.post(`/api/views/${view.id}/schedules`, {
          cadence, language: language.value,
          targets: targets.value.split('\n').map((s) => s.trim()).filter(Boolean),
        });
        await redraw();
      } catch (e) {
        clear(status).append(message('error', t('error.api', { details: e.message })));
      }
    },
  },
  h('label', { class: 'stacked' }, h('span', { text: t('reports.cadence') }), kind),
  h('label', { class: 'stacked' }, h('span', { text: t('reports.time') }), time),
  h('label', { class: 'stacked' }, h('span', { text: t('reports.cadence.cron') }), cron),
  h('label', { class: 'stacked' }, h('span', { text: t('reports.targets') }), targets),
  h('label', { class: 'stacked' }, h('span', { text: t('reports.language') }), language),
  h('button', { type: 'submit', text: t('reports.schedule') }),
  status);
}

async function historyTable(schedule, zone) {
  const { deliveries } = await api.get(`/api/schedules/${schedule.id}/history`);
  if (!deliveries.length) return h('p', { class: 'muted', text: t('reports.noHistory') });
  return table([
    { key: 'occurrence', label: t('reports.col.occurrence'), text: (d) => i18n.instant(d.occurrence, zone) },
    { key: 'target', label: t('reports.col.target') },
    { key: 'state', label: t('reports.col.state'), text: (d) => h('span', { class: `badge delivery-${d.state}`,
      text: t(`reports.state.${d.state}`) }) },
    { key: 'error', label: t('reports.col.error'), text: (d) => d.error || '' },
  ], deliveries, { name: `report-history-${schedule.id}`, caption: t('reports.history') });
}

function schedulesBlock(ctx, view, schedules, redraw) {
  const mine = schedules.filter((s) => s.view === view.id);
  const block = h('div', { class: 'schedules' });
  if (!mine.length) block.append(h('p', { class: 'muted', text: t('reports.noSchedules') }));
  for (const s of mine) {
    const history = h('div', { class: 'history' });
    const status = h('span', { class: 'muted' });
    block.append(h('div', { class: 'schedule', dataset: { schedule: s.id } },
      h('p', {}, h('strong', { text: s.cadence }), ` · ${s.language} · ${s.targets.join(', ')} `,
        h('button', { type: 'button', class: 'link send-now', text: t('reports.sendNow'), onclick: async () => {
          try {
            const r = await api.post(`/api/schedules/${s.id}/send`);
            status.textContent = t('reports.sent', { count: r.recorded.length });
            clear(history).append(await historyTable(s, view.tz));
          } catch (e) {
            ctx.fail(e);
          }
        } }),
        ' ',
        h('button', { type: 'button', class: 'link', text: t('reports.remove'), onclick: async () => {
          await api.del(`/api/schedules/${s.id}`);
          await redraw();
        } }),
        ' ', status),
      history));
    historyTable(s, view.tz).then((x) => clear(history).append(x)).catch(ctx.fail);
  }
  return block;
}

async function open(view, place) {
  if (view.page === 'dashboard') {
    clear(place).append(await dashboard.show(view));
    return;
  }
  const r = await api.get(`/api/views/${view.id}/report`);
  const where = {};
  for (const w of view.where) {
    const i = w.indexOf('=');
    if (i > 0) where[w.slice(0, i)] = w.slice(i + 1).split(',');
  }
  const page = view.page === 'dashboard' ? 'overview' : view.page;
  state.go(page, view.arg || undefined, { from: r.from, to: r.to, tz: r.tz }, where);
}

export async function reportsPage(ctx) {
  const redraw = async () => reportsPage(ctx);
  const [{ views }, { schedules }] = await Promise.all([api.get('/api/views'), api.get('/api/schedules')]);
  const list = h('div', { class: 'views' });
  if (!views.length) list.append(h('p', { class: 'muted', text: t('reports.none') }));
  const canSchedule = ['admin', 'manager', 'lead'].includes(ctx.user.role);
  for (const v of views) {
    const place = h('div', { class: 'dashboard-place' });
    const editable = v.owner === ctx.user.name || ctx.user.role === 'admin';
    list.append(h('section', { class: 'card view', dataset: { view: v.id } },
      h('h3', { text: v.name }),
      h('p', { class: 'muted' }, [t(v.kind === 'dashboard' ? 'reports.dashboard' : 'reports.view'),
        v.page === 'dashboard' ? null : t(`nav.${v.page}`),
        periodLabel(v.period), v.tz, v.where.join(', ') || t('report.noFilters'),
        `${t('reports.owner')}: ${v.owner}`, v.shared.length ? `${t('reports.shared')}: ${v.shared.map((r) => t(`role.${r}`)).join(', ')}`
          : t('reports.private')].filter(Boolean).join(' · ')),
      h('p', { class: 'no-print' },
        h('button', { type: 'button', class: 'link open-view', text: t('reports.openView'), onclick: () => open(v, place).catch(ctx.fail) }),
        ' ',
        h('a', { class: 'pdf', href: `/api/views/${v.id}/pdf?lang=${i18n.language()}`, target: '_blank',
          rel: 'noopener', text: t('reports.pdf') }),
        ' ',
        editable ? h('button', { type: 'button', class: 'link', text: t('reports.rename'), onclick: async () => {
          const name = window.prompt(t('reports.newName'), v.name);
          if (!name) return;
          try {
            await api.put(`/api/views/${v.id}`, { ...v, name, kpis: v.kpis, panels: v.panels });
            await redraw();
          } catch (e) {
            ctx.fail(e);
          }
        } }) : null,
        ' ',
        editable ? h('button', { type: 'button', class: 'link', text: t('reports.remove'), onclick: async () => {
          await api.del(`/api/views/${v.id}`);
          await redraw();
        } }) : null),
      place,
      h('h4', { text: t('reports.schedules') }),
      schedulesBlock(ctx, v, schedules, redraw),
      editable && canSchedule ? scheduleForm(ctx, v, redraw) : null));
  }
  const boardPeriod = h('label', { class: 'stacked' }, h('span', { text: t('report.period') }),
    periodSelect('dashboard-period', false));
  const compose = dashboard.composer(boardPeriod, async ({ name, panels }) => {
    await api.post('/api/views', { name, page: 'dashboard', period: boardPeriod.querySelector('select').value,
      tz: ctx.state.params.tz, where: whereList(ctx.state.where), panels, compare: true });
    await redraw();
  });
  ctx.show(h('h1', { text: t('reports.title') }), h('p', { class: 'muted', text: t('reports.intro') }),
    saveForm(ctx, redraw), compose, h('h2', { text: t('reports.saved') }), list);
}
