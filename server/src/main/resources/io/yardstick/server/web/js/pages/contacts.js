// Contacts: the rows behind a number (reached from a tile, a bar or a cell): the same period and filters, and with
// kpi= only the contacts that KPI counts; a page at a time.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, infoButton, kpiIds, table } from '../ui.js';

const { t } = i18n;
const SIZE = 50;

export async function contactsPage(ctx) {
  const { filters, state: s } = ctx;
  const kpi = kpiIds().includes(s.params.kpi) ? s.params.kpi : null;
  const page = Math.max(0, Number(s.params.page) || 0);
  const data = await api.get('/api/contacts', { ...filters, kpi: kpi || undefined, page, size: SIZE });
  const tz = filters.tz;
  const yes = (v) => (v == null ? '–' : v ? t('value.yes') : t('value.no'));
  const columns = [
    { key: 'contact_id', label: t('contacts.id') },
    { key: 'arrived_at', label: t('contacts.arrived'), text: (r) => i18n.instant(r.arrived_at, tz) },
    { key: 'channel', label: t('dimension.channel') },
    { key: 'direction', label: t('dimension.direction') },
    { key: 'queue', label: t('dimension.queue') },
    { key: 'topic', label: t('dimension.topic') },
    { key: 'team', label: t('dimension.team') },
    { key: 'agent', label: t('dimension.agent') },
    { key: 'customer_id', label: t('contacts.customer') },
    { key: 'wait_s', label: t('contacts.wait'), numeric: true, text: (r) => i18n.duration(r.wait_s) },
    { key: 'frt_s', label: t('contacts.frt'), numeric: true, text: (r) => i18n.duration(r.frt_s) },
    { key: 'handle_s', label: t('contacts.handle'), numeric: true, text: (r) => i18n.duration(r.handle_s) },
    { key: 'answered_at', label: t('contacts.answered'), text: (r) => i18n.instant(r.answered_at, tz) },
    { key: 'abandoned_at', label: t('contacts.abandoned'), text: (r) => i18n.instant(r.abandoned_at, tz) },
    { key: 'resolved', label: t('contacts.resolved'), text: (r) => yes(r.resolved) },
    { key: 'case_id', label: t('contacts.case') },
  ];
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
  ctx.show(
    h('h1', { text: t('nav.contacts') }),
    kpi ? h('p', { class: 'behind', id: 'contacts-kpi' }, t('contacts.behind', { kpi: i18n.kpiName(kpi) }), ' ',
      infoButton(kpi), ' ', h('a', { href: '#', class: 'no-print', text: t('contacts.allContacts'),
        onclick: (ev) => { ev.preventDefault(); state.update({ kpi: undefined, page: undefined }); } }))
      : h('p', { class: 'muted', text: t('contacts.all') }),
    h('p', { class: 'total', id: 'contacts-total', dataset: { total: String(data.total) },
      text: t('contacts.total', { total: i18n.count(data.total) }) }),
    pager,
    table(columns, data.contacts, { name: `contacts${kpi ? '-' + kpi : ''}-page-${page + 1}` }));
}
