// The public survey page (docs/surveys.md): no log-in; the invitation's signed token (?t=) is the only key. A score
// link from the e-mail (?score=N) records the score as the page opens, so one click answers; the page then offers a
// comment and, within the change window, another score. ?optout=1 asks before it records an opt-out.
import { load, t } from './i18n.js';

const params = new URLSearchParams(location.search);
const token = params.get('t');
const root = document.getElementById('survey');

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

async function call(method, path, body) {
  const r = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'omit',
  });
  const json = await r.json().catch(() => ({}));
  return { status: r.status, json };
}

function problem(status) {
  if (status === 410) return t('survey.expired');
  if (status === 409) return t('survey.closed');
  if (status === 429) return t('survey.tooMany');
  if (status === 404) return t('survey.notValid');
  return t('survey.failed');
}

function fail(status) {
  root.replaceChildren(el('h1', { text: t('survey.title') }), el('p', { class: 'status error', role: 'alert',
    text: problem(status) }));
}

function render(page, message, isError) {
  document.title = t('survey.title');
  let chosen = page.score;
  const status = el('p', { class: 'status' + (isError ? ' error' : ''), role: 'status', 'aria-live': 'polite',
    text: message || '' });
  const buttons = [];
  for (let s = page.min; s <= page.max; s++) {
    const b = el('button', { type: 'button', 'aria-pressed': String(s === chosen), 'data-score': String(s),
      text: String(s) });
    if (s === page.min) b.setAttribute('aria-label', `${s} (${page.low})`);
    if (s === page.max) b.setAttribute('aria-label', `${s} (${page.high})`);
    b.disabled = !page.can_change;
    b.addEventListener('click', () => {
      chosen = s;
      for (const o of buttons) o.setAttribute('aria-pressed', String(o === b));
    });
    buttons.push(b);
  }
  const comment = el('textarea', { id: 'comment', name: 'comment', maxlength: '2000' });
  comment.value = page.comment || '';
  comment.disabled = !page.can_change;
  const send = el('button', { type: 'submit', class: 'send', text: t('survey.send') });
  send.disabled = !page.can_change;
  const form = el('form', { novalidate: '' },
    el('fieldset', {},
      el('legend', { text: t('survey.scoreLabel') }),
      el('div', { class: 'scale', role: 'group' }, ...buttons),
      el('div', { class: 'ends', 'aria-hidden': 'true' }, el('span', { text: `${page.min}: ${page.low}` }),
        el('span', { text: `${page.max}: ${page.high}` }))),
    el('label', { for: 'comment', text: t('survey.commentLabel') }),
    comment,
    send);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (chosen == null) {
      status.className = 'status error';
      status.textContent = t('survey.chooseScore');
      return;
    }
    send.disabled = true;
    const r = await call('POST', '/api/public/survey', { t: token, score: chosen, comment: comment.value });
    if (r.status === 200) render(r.json.survey, t('survey.thanks'));
    else render(page, problem(r.status), true);
  });
  const hint = page.answered && page.can_change && page.change_until
    ? el('p', { class: 'hint', text: t('survey.changeUntil', { time: new Date(page.change_until)
      .toLocaleTimeString(page.language, { hour: '2-digit', minute: '2-digit' }) }) })
    : page.answered ? el('p', { class: 'hint', text: t('survey.answered') }) : null;
  const optOut = el('a', { href: `?t=${encodeURIComponent(token)}&optout=1&lang=${page.language}`,
    text: t('survey.optOutLink') });
  root.replaceChildren(el('h1', { text: page.question }), status, form, hint, el('p', { class: 'foot' }, optOut));
}

function renderOptOut() {
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const stop = el('button', { type: 'button', class: 'stop', text: t('survey.optOutConfirm') });
  stop.addEventListener('click', async () => {
    stop.disabled = true;
    const r = await call('POST', '/api/public/survey/opt-out', { t: token });
    if (r.status === 200) status.textContent = t('survey.optedOut');
    else {
      status.className = 'status error';
      status.textContent = problem(r.status);
      stop.disabled = false;
    }
  });
  root.replaceChildren(el('h1', { text: t('survey.optOutTitle') }), el('p', { text: t('survey.optOutText') }), stop,
    status);
}

async function main() {
  await load(params.get('lang') || 'en');
  if (!token) return fail(404);
  if (params.get('optout') === '1') return renderOptOut();
  const got = await call('GET', '/api/public/survey?t=' + encodeURIComponent(token));
  if (got.status !== 200) return fail(got.status);
  let page = got.json;
  const score = Number.parseInt(params.get('score'), 10);
  if (Number.isInteger(score) && score >= page.min && score <= page.max && page.score !== score) {
    if (!page.can_change) return render(page, t('survey.closed'), true);
    const r = await call('POST', '/api/public/survey', { t: token, score });
    if (r.status !== 200) return render(page, problem(r.status), true);
    page = r.json.survey;
    return render(page, t('survey.recorded', { score }));
  }
  render(page, page.answered ? t('survey.recorded', { score: page.score }) : '');
}

main().catch(() => fail(0));
