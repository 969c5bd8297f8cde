// Users (admins): who may log in, and adding one (the one-time password is shown once).
import * as api from '../api.js';
import { t } from '../i18n.js';
import { h, message, table } from '../ui.js';

export async function usersPage(ctx) {
  const data = await api.get('/api/users');
  const name = h('input', { name: 'name', id: 'user-name', required: true, autocomplete: 'off' });
  const role = h('select', { name: 'role', id: 'user-role' },
    ['manager', 'lead', 'agent', 'admin'].map((r) => h('option', { value: r }, t(`role.${r}`))));
  const agentId = h('input', { name: 'agent_id', id: 'user-agent', autocomplete: 'off', placeholder: 'agent-001' });
  const status = h('div', { class: 'form-status' });
  const form = h('form', {
    class: 'card inline-form', id: 'user-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      status.replaceChildren();
      try {
        const r = await api.post('/api/users', {
          name: name.value, role: role.value, agent_id: role.value === 'agent' ? agentId.value : undefined,
        });
        status.append(message('ok', t('users.created', { name: r.name, password: r.one_time_password })));
        const list = await api.get('/api/users');
        listBox.replaceChildren(userTable(list.users));
        name.value = '';
        agentId.value = '';
      } catch (e) {
        status.append(message('error', t('error.api', { details: e.message })));
      }
    },
  },
  h('h2', { text: t('users.add') }),
  h('label', { class: 'stacked' }, h('span', { text: t('users.name') }), name),
  h('label', { class: 'stacked' }, h('span', { text: t('users.role') }), role),
  h('label', { class: 'stacked' }, h('span', { text: t('users.agent') }), agentId),
  h('button', { type: 'submit', class: 'primary', text: t('users.submit') }),
  status);
  const listBox = h('div', {}, userTable(data.users));
  ctx.show(h('h1', { text: t('nav.users') }), h('section', { class: 'panel' }, listBox), form);
}

function userTable(users) {
  return table([
    { key: 'name', label: t('users.name') },
    { key: 'role', label: t('users.role'), text: (r) => t(`role.${r.role}`) },
    { key: 'agent_id', label: t('users.agent') },
    { key: 'must_change_password', label: t('users.mustChange'),
      text: (r) => (r.must_change_password ? t('value.yes') : t('value.no')) },
  ], users, { name: 'users' });
}
