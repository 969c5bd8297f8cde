// The JSON API: GETs with the shared filters, POSTs with the CSRF token; an error carries the API's message.

let csrf = null;
let onUnauthorized = () => {};

export function setCsrf(token) {
  csrf = token;
}

export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

export class ApiError extends Error {
  constructor(status, details) {
    super(details);
    this.status = status;
  }
}

/** A query string from an object: arrays repeat the parameter; null, undefined and '' are left out. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else if (v != null && v !== '') q.append(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

async function call(method, path, params, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const r = await fetch(path + query(params), {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) {
    if (r.status === 401 && path !== '/api/login') onUnauthorized();
    throw new ApiError(r.status, json.details || r.statusText);
  }
  return json;
}

export const get = (path, params) => call('GET', path, params);
export const post = (path, body) => call('POST', path, undefined, body ?? {});
export const del = (path) => call('DELETE', path);
export const put = (path, body) => call('PUT', path, undefined, body ?? {});
