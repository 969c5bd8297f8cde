// Audit log (admins): who did what, when and from where, newest first, a page at a time; the export is JSON Lines.
import * as api from '../api.js';
import { t } from '../i18n.js';
import { h, message, table } from '../ui.js';

const KINDS = ['', 'login', 'user', 'token', 'rule', 'goal', 'settings', 'data', 'forecast', 'other'];
const SIZE = 50;

export async function auditPage(ctx) {
  const kind = h('select', { name: 'kind', id: 'audit-kind' },
    KINDS.map((k) => h('option', { value: k }, k ? t(`audit.kind.${k}`) : t('audit.anyKind'))));
  const user = h('input', { name: 'user', id: 'audit-user', autocomplete: 'off' });
  const listBox = h('div', { id: 'audit-list' });
  const pager = h('div', { class: 'form-status', id: 'audit-pager' });
  const exportLink = h('a', { id: 'audit-export', download: 'yardstick-audit.jsonl', text: t('audit.export') });
  let page = 0;
  const show = async () => {
    const params = { kind: kind.value, user: user.value.trim() };
    exportLink.href = '/api/audit/export' + api.query(params);
    try {
      const data = await api.get('/api/audit' + api.query({ ...params, page, size: SIZE }));
      listBox.replaceChildren(auditTable(data.entries));
      const last = Math.max(0, Math.ceil(data.total / SIZE) - 1);
      pager.replaceChildren(
        h('button', { type: 'button', disabled: page === 0, text: t('audit.newer'),
          onclick: () => { page -= 1; show(); } }),
        h('span', { text: ' ' + t('audit.page', { page: page + 1, pages: last + 1, total: data.total }) + ' ' }),
        h('button', { type: 'button', disabled: page >= last, text: t('audit.older'),
          onclick: () => { page += 1; show(); } }));
    } catch (e) {
      listBox.replaceChildren(message('error', t('error.api', { details: e.message })));
    }
  };
  const form = h('form', {
    class: 'card inline-form', id: 'audit-form',
    onsubmit: (ev) => {
      ev.preventDefault();
      page = 0;
      show();
    },
  },
  h('label', { class: 'stacked' }, h('span', { text: t('audit.kind') }), kind),
  h('label', { class: 'stacked' }, h('span', { text: t('audit.user') }), user),
  h('button', { type: 'submit', class: 'primary', text: t('audit.show') }),
  exportLink);
  ctx.show(h('h1', { text: t('nav.audit') }), form, h('section', { class: 'panel' }, listBox, pager));
  await show();
}

function auditTable(entries) {
  return table([
    { key: 'at', label: t('audit.at') },
    { key: 'actor', label: t('audit.user') },
    { key: 'address', label: t('audit.address') },
    { key: 'kind', label: t('audit.kind'), text: (r) => t(`audit.kind.${r.kind}`) },
    { key: 'action', label: t('audit.action') },
    { key: 'target', label: t('audit.target') },
    { key: 'outcome', label: t('audit.outcome') },
    { key: 'detail', label: t('audit.detail') },
  ], entries, { name: 'audit', sortable: false });
}
