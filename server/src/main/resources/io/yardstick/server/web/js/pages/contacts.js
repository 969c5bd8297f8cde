// Contacts: the rows behind a number (reached from a tile, a bar or a cell): the same period and filters, and with
// kpi= only the rows that KPI counts (the API's rows_of: contacts, cases, surveys, agent states, costs...), with the
// columns that explain the number and the numerator's rows marked; a page at a time.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, infoButton, kpiIds, table } from '../ui.js';

const { t } = i18n;
const SIZE = 50;

/** The columns shown per kind of row, in order; each a key of the API's rows and how to show it. */
function columnsOf(rowsOf, tz) {
  const yes = (v) => (v == null ? '–' : v ? t('value.yes') : t('value.no'));
  const at = (key) => ({ key, label: t(`drill.col.${key}`), text: (r) => i18n.instant(r[key], tz) });
  const day = (key) => ({ key, label: t(`drill.col.${key}`), text: (r) => (r[key] ? i18n.date(r[key]) : '–') });
  const secs = (key) => ({ key, label: t(`drill.col.${key}`), numeric: true, text: (r) => i18n.duration(r[key]) });
  const num = (key, digits = 0) => ({ key, label: t(`drill.col.${key}`), numeric: true,
    text: (r) => (r[key] == null ? '–' : digits ? i18n.decimal(r[key], digits) : i18n.count(r[key])) });
  const flag = (key) => ({ key, label: t(`drill.col.${key}`), text: (r) => yes(r[key]) });
  const dim = (key) => ({ key, label: t(`dimension.${key}`), text: (r) => i18n.dimValue(key, r[key]) ?? '–' });
  const text = (key) => ({ key, label: t(`drill.col.${key}`) });
  const who = [dim('channel'), dim('queue'), dim('topic'), dim('team'), dim('agent'), text('customer_id')];
  switch (rowsOf) {
    case 'cases': return [text('case_id'), at('opened_at'), ...who, num('n_contacts'), num('n_inbound'),
      flag('resolved'), at('resolved_at'), secs('resolution_s')];
    case 'surveys': return [text('survey_id'), at('submitted_at'), text('kind'), num('score'), text('comment'),
      text('contact_id'), ...who];
    case 'invitations': return [text('invitation_id'), at('sent_at'), text('kind'), text('via'), text('state'),
      flag('answered'), num('score'), text('contact_id'), ...who];
    case 'agent_time': return [dim('agent'), dim('team'),
      { key: 'state', label: t('drill.col.state'), text: (r) => t(`drill.state.${r.state}`) },
      at('started_at'), at('ended_at'), secs('seconds')];
    case 'costs': return [day('period_start'), day('period_end'), text('category'), num('amount', 2),
      text('currency'), num('prorated', 2)];
    case 'customers': return [text('customer_id'), day('since'), day('churned_at'), flag('active_start'),
      flag('active_end')];
    case 'forecasts': return [dim('channel'), at('interval_start'), num('forecast', 1), num('actual'),
      num('abs_error', 1)];
    default: return [text('contact_id'), at('arrived_at'), dim('channel'), dim('direction'), ...who.slice(1),
      secs('wait_s'), secs('frt_s'), secs('handle_s'), at('answered_at'), at('abandoned_at'), flag('resolved'),
      text('case_id')];
  }
}

export async function contactsPage(ctx) {
  const { filters, state: s } = ctx;
  const kpi = kpiIds().includes(s.params.kpi) ? s.params.kpi : null;
  const page = Math.max(0, Number(s.params.page) || 0);
  const data = await api.get('/api/contacts', { ...filters, kpi: kpi || undefined, page, size: SIZE });
  const columns = columnsOf(data.rows_of, filters.tz);
  if (data.rows.some((r) => r.counted != null)) {
    // The numerator's rows, named by the part of the formula they meet.
    columns.splice(1, 0, { key: 'counted', label: t('drill.col.counted'), cls: (r) => (r.counted ? 'counted' : ''),
      text: (r) => (r.counted ? t(`drill.part.${r.counted}`) : '–') });
  }
  const pages = Math.max(1, Math.ceil(data.total / SIZE));
  const first = data.total ? page * SIZE + 1 : 0;
  const last = Math.min(data.total, (page + 1) * SIZE);
  const pager = h('nav', { class: 'pager no-print', 'aria-label': t('contacts.pages') },
    h('button', { type: 'button', id: 'page-previous', disabled: page === 0, text: t('contacts.previousPage'),
      onclick: () => state.update({ page: page - 1 || undefined }) }),
    h('span', { class: 'page-info', id: 'page-info', text: t('contacts.showing', {
      first: i18n.count(first), last: i18n.count(last), total: i18n.count(data.total),
      page: i18n.count(page + 1), pages: i18n.count(pages),
    }) }),
    h('button', { type: 'button', id: 'page-next', disabled: page + 1 >= pages, text: t('contacts.nextPage'),
      onclick: () => state.update({ page: page + 1 }) }));
  const kind = data.rows_of;
  ctx.show(
    h('h1', { text: t('nav.contacts') }),
    kpi ? h('p', { class: 'behind', id: 'contacts-kpi', dataset: { rowsOf: kind } },
      t(`drill.behind.${kind}`, { kpi: i18n.kpiName(kpi) }), ' ', infoButton(kpi), ' ',
      h('a', { href: '#', class: 'no-print', text: t('contacts.allContacts'),
        onclick: (ev) => { ev.preventDefault(); state.update({ kpi: undefined, page: undefined }); } }))
      : h('p', { class: 'muted', text: t('contacts.all') }),
    ...(kpi ? [h('p', { class: 'muted', id: 'contacts-explain',
      text: t(data.denominator ? 'drill.denominator' : 'drill.adds') })] : []),
    h('p', { class: 'total', id: 'contacts-total', dataset: { total: String(data.total) },
      text: t(`drill.total.${kind}`, { total: i18n.count(data.total) }) }),
    pager,
    table(columns, data.rows, { name: `${kind}${kpi ? '-' + kpi : ''}-page-${page + 1}` }));
}
