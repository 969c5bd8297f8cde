// The page and its parameters live in the URL hash (#/page/arg?from=...&to=...&tz=...&where=channel=phone,email), so
// a view can be bookmarked, shared, reloaded and printed as it is.

export const FILTER_DIMENSIONS = ['channel', 'direction', 'queue', 'topic', 'team', 'agent', 'priority', 'tag'];
// Shown only when the store has help-desk tickets (docs/sla.md).
export const TICKET_DIMENSIONS = ['priority', 'tag'];

export function current() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search] = hash.split('?');
  const [page, ...args] = (path || '').split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(search || '');
  const where = {};
  for (const w of params.getAll('where')) {
    const i = w.indexOf('=');
    if (i > 0) where[w.slice(0, i)] = w.slice(i + 1).split(',').filter(Boolean);
  }
  const other = {};
  for (const [k, v] of params) if (k !== 'where') other[k] = v;
  return { page: page || '', arg: args[0], params: other, where };
}

export function href(page, arg, params, where) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v != null && v !== '') q.set(k, v);
  for (const [dim, values] of Object.entries(where || {})) {
    if (values && values.length) q.append('where', `${dim}=${values.join(',')}`);
  }
  const s = q.toString();
  return `#/${page}${arg ? '/' + encodeURIComponent(arg) : ''}${s ? '?' + s : ''}`;
}

/** Goes to a page keeping the period, zone and filters unless overridden. */
export function go(page, arg, extra = {}, where) {
  const s = current();
  const params = { from: s.params.from, to: s.params.to, tz: s.params.tz, ...extra };
  location.hash = href(page, arg, params, where ?? s.where);
}

/** Changes parameters of the current page. */
export function update(extra, where) {
  const s = current();
  location.hash = href(s.page, s.arg, { ...s.params, ...extra }, where ?? s.where);
}

/** The API parameters of the shared filter bar: from, to, tz and where. */
export function apiFilters(s = current()) {
  return {
    from: s.params.from,
    to: s.params.to,
    tz: s.params.tz,
    where: Object.entries(s.where).filter(([, v]) => v.length).map(([d, v]) => `${d}=${v.join(',')}`),
  };
}

/** ISO date arithmetic on YYYY-MM-DD texts, in UTC so that no zone shifts a day. */
export function addDays(text, days) {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(a, b) {
  const p = (x) => Date.UTC(...x.split('-').map((n, i) => Number(n) - (i === 1 ? 1 : 0)));
  return Math.round((p(b) - p(a)) / 86400000) + 1;
}

/** The local dates a time bucket label covers: [from, to]. */
export function bucketRange(unit, label) {
  if (unit === 'day') return [label, label];
  if (unit === 'hour') return [label.slice(0, 10), label.slice(0, 10)];
  if (unit === 'month') {
    const [y, m] = label.split('-').map(Number);
    return [`${label}-01`, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)];
  }
  if (unit === 'week') {
    const [y, w] = label.split('-W').map(Number);
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (w - 1) * 7 * 86400000);
    const from = monday.toISOString().slice(0, 10);
    return [from, addDays(from, 6)];
  }
  return [label, label];
}
