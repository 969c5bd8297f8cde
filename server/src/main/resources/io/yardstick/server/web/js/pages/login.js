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
        ssoError = null;
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
  singleSignOn(main, form, status);
}

// Single sign-on: a "Sign in with ..." button when the server has a provider; the password form stays for the
// break-glass accounts when local passwords are off (folded away), and a refused sign-in says why.
const SSO_ERRORS = ['state', 'browser', 'bad_callback', 'token', 'id_token', 'provider', 'provider_error',
  'unknown_user', 'no_role', 'no_name', 'no_agent_id', 'no_teams', 'break_glass', 'taken', 'disabled', 'invalid'];

// Why the last sign-in was refused (the server sends the browser to /?sso_error=REASON): read once, as the page may
// draw the log-in more than once, and taken out of the address.
let ssoError = new URLSearchParams(window.location.search).get('sso_error');
if (ssoError) window.history.replaceState(null, '', window.location.pathname + window.location.hash);

async function singleSignOn(main, form, status) {
  let refused = null;
  if (ssoError) {
    const known = SSO_ERRORS.includes(ssoError) ? ssoError : 'other';
    refused = message('error', t(`sso.error.${known}`));
  }
  let sso = { enabled: false };
  try {
    sso = await api.get('/api/sso');
  } catch (e) {
    // the password form is there
  }
  if (!sso.enabled) {
    if (refused) status.append(refused);
    return;
  }
  const button = h('a', {
    class: 'button primary sso', id: 'sso-login', href: sso.login, text: t('sso.signIn', { provider: sso.label }),
  });
  const box = h('div', { class: 'card login sso-box' }, h('div', { class: 'form-status', id: 'sso-status' }, refused),
    button);
  form.before(box);
  if (!sso.local_passwords) {
    // The hidden attribute loses to the card's display rule; the style does not.
    form.style.display = 'none';
    box.append(h('p', {}, h('button', {
      type: 'button', class: 'link', id: 'break-glass', text: t('sso.breakGlass'),
      onclick: () => { form.style.display = form.style.display === 'none' ? '' : 'none'; },
    })));
  } else {
    box.append(h('p', { class: 'muted', text: t('sso.orPassword') }));
  }
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
