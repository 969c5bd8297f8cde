// Log-in, and the forced choice of an own password after a one-time password.
import * as api from '../api.js';
import { t } from '../i18n.js';
import { h, message } from '../ui.js';

export function loginPage(main, { user, done }) {
  if (user && user.must_change_password) {
    passwordForm(main, null, user, done);
    return;
  }
  const name = h('input', { name: 'name', id: 'login-name', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', {
    name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true,
  });
  const status = h('div', { class: 'form-status' });
  const form = h('form', {
    class: 'card login', id: 'login-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      status.replaceChildren();
      try {
        const me = await api.post('/api/login', { name: name.value, password: password.value });
        api.setCsrf(me.csrf);
        if (me.must_change_password) {
          main.replaceChildren();
          passwordForm(main, password.value, me, done);
        } else {
          await done(me);
        }
      } catch (e) {
        status.append(message('error', e.status === 401 ? t('login.wrong') : t('error.api', { details: e.message })));
      }
    },
  },
  h('h1', { text: t('login.title') }),
  h('p', { class: 'muted', text: t('login.intro') }),
  h('label', { class: 'stacked' }, h('span', { text: t('login.name') }), name),
  h('label', { class: 'stacked' }, h('span', { text: t('login.password') }), password),
  status,
  h('button', { type: 'submit', class: 'primary', text: t('login.submit') }));
  main.append(form);
}

function passwordForm(main, current, user, done) {
  const currentInput = h('input', {
    name: 'current', id: 'password-current', type: 'password', autocomplete: 'current-password', required: true,
  });
  if (current) currentInput.value = current;
  const next = h('input', {
    name: 'new', id: 'password-new', type: 'password', autocomplete: 'new-password', required: true, minlength: 12,
  });
  const again = h('input', {
    name: 'again', id: 'password-again', type: 'password', autocomplete: 'new-password', required: true,
  });
  const status = h('div', { class: 'form-status' });
  main.append(h('form', {
    class: 'card login', id: 'password-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      status.replaceChildren();
      if (next.value !== again.value) {
        status.append(message('error', t('password.mismatch')));
        return;
      }
      try {
        const r = await api.post('/api/password', { current: currentInput.value, new: next.value });
        api.setCsrf(r.csrf);
        await done({ ...user, must_change_password: false });
      } catch (e) {
        status.append(message('error', t('password.refused', { details: e.message })));
      }
    },
  },
  h('h1', { text: t('password.title') }),
  h('p', { class: 'muted', text: t('password.intro', { name: user.name }) }),
  current ? null : h('label', { class: 'stacked' }, h('span', { text: t('password.current') }), currentInput),
  h('label', { class: 'stacked' }, h('span', { text: t('password.new') }), next),
  h('label', { class: 'stacked' }, h('span', { text: t('password.again') }), again),
  status,
  h('button', { type: 'submit', class: 'primary', text: t('password.submit') })));
}
