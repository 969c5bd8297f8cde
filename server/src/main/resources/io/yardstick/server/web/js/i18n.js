// Languages and locale-aware formats. Every text a page shows comes from a bundle (i18n/LANG.json); numbers, dates and
// durations go through Intl in the chosen language.

export const LANGUAGES = ['en', 'es', 'ca', 'ro'];
const STORED = 'yardstick.lang';

let lang = 'en';
let bundle = {};
let fallback = {};

/** The language: the one chosen in the menu (remembered), else the browser's first supported one, else English. */
export function pickLanguage() {
  const stored = localStorage.getItem(STORED);
  if (LANGUAGES.includes(stored)) return stored;
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const base = String(l).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

export async function load(language) {
  lang = LANGUAGES.includes(language) ? language : 'en';
  const get = async (l) => {
    const r = await fetch(`/i18n/${l}.json`, { credentials: 'same-origin' });
    if (!r.ok) throw new Error(`Cannot load the ${l} messages (${r.status})`);
    return r.json();
  };
  fallback = lang === 'en' ? {} : await get('en');
  bundle = await get(lang);
  document.documentElement.lang = lang;
}

export function remember(language) {
  localStorage.setItem(STORED, language);
}

export function language() {
  return lang;
}

/** The text of a key with {name} placeholders filled; a missing key shows itself so that it is noticed. */
export function t(key, params) {
  let s = bundle[key] ?? fallback[key] ?? key;
  if (params) {
    for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
  }
  return s;
}

export function has(key) {
  return key in bundle || key in fallback;
}

/** The text of a key in the chosen language's own bundle (no fallback), or undefined. */
export function own(key) {
  return bundle[key];
}

/** The English text of a key (the bundle every language falls back to), or undefined. */
export function english(key) {
  return lang === 'en' ? bundle[key] : fallback[key];
}

/** A channel's name in the language (an unknown channel as stored). */
export function channel(name) {
  return name != null && has(`channel.${name}`) ? t(`channel.${name}`) : name;
}

let labels = {};

/** The names the settings file gives stored values (GET /api/labels: dimension, value, language, name). */
export function setLabels(names) {
  labels = names || {};
}

/**
 * A stored value of a dimension as shown: its name in the settings file's labels for the language (else the English
 * one), else channels and directions in the language, else the value (an id) as stored.
 */
export function dimValue(dimension, v) {
  if (v == null) return v;
  const named = labels[dimension]?.[v];
  if (named) return named[lang] ?? named.en ?? v;
  if (dimension === 'channel') return channel(v);
  return has(`${dimension}.${v}`) ? t(`${dimension}.${v}`) : v;
}

export function kpiName(id) {
  return t(`kpi.${id}.name`);
}

export function kpiDefinition(id) {
  return t(`kpi.${id}.definition`);
}

// --- numbers -------------------------------------------------------------------------------------------------------

const formats = new Map();
function nf(options) {
  const key = lang + JSON.stringify(options);
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(lang, options));
  return formats.get(key);
}

export function count(v) {
  return v == null ? '–' : nf({ maximumFractionDigits: 0 }).format(v);
}

export function decimal(v, digits = 1) {
  return v == null ? '–' : nf({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A 0-100 percentage with one decimal, in the locale's way ("12.3%", "12,3 %"). */
export function percent(v) {
  return v == null ? '–' : nf({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v / 100);
}

/** Seconds as a person says them: "45 s", "1 min 8 s", "2 h 5 min", "3 d 4 h". */
export function duration(seconds) {
  if (seconds == null || Number.isNaN(seconds)) return '–';
  const sign = seconds < 0 ? '-' : '';
  let s = Math.round(Math.abs(seconds));
  const n = (x) => nf({ maximumFractionDigits: 0 }).format(x);
  const part = (x, unit) => `${n(x)} ${t(`duration.${unit}`)}`;
  if (s < 60) return sign + part(s, 's');
  if (s < 3600) {
    const m = Math.floor(s / 60);
    return sign + part(m, 'min') + (s % 60 ? ' ' + part(s % 60, 's') : '');
  }
  if (s < 86400) {
    s = Math.round(s / 60) * 60;
    const h = Math.floor(s / 3600);
    const m = Math.round((s % 3600) / 60);
    return sign + part(h, 'h') + (m ? ' ' + part(m, 'min') : '');
  }
  const d = Math.floor(s / 86400);
  const h = Math.round((s % 86400) / 3600);
  return sign + part(d, 'd') + (h ? ' ' + part(h, 'h') : '');
}

/** A value in the unit of its KPI (count, percent, seconds, score, ratio, money). */
export function value(unit, v) {
  switch (unit) {
    case 'count': return count(v);
    case 'percent': return percent(v);
    case 'seconds': return duration(v);
    case 'score': return decimal(v, 1);
    case 'ratio': return decimal(v, 2);
    case 'money': return decimal(v, 2);
    default: return v == null ? '–' : String(v);
  }
}

/** A compact axis label for a unit. */
export function axis(unit, v) {
  if (unit === 'percent') return nf({ style: 'percent', maximumFractionDigits: 0 }).format(v / 100);
  if (unit === 'seconds') return duration(v);
  return nf({ notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

/**
 * A change against the previous period: percentage points for percentages and scores, else the relative change in
 * percent ("+3.2%"); null when there is nothing to compare.
 */
export function change(unit, c) {
  if (!c || c.value == null || c.previous == null) return null;
  if (unit === 'percent' || unit === 'score') {
    const pp = nf({ minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(c.change);
    return t(unit === 'percent' ? 'change.points' : 'change.score', { value: pp });
  }
  if (c.change_percent == null) return null;
  return nf({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' })
    .format(c.change_percent / 100);
}

// --- dates ---------------------------------------------------------------------------------------------------------

function dtf(options) {
  const key = 'd' + lang + JSON.stringify(options);
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(lang, { timeZone: 'UTC', ...options }));
  return formats.get(key);
}

function utc(dateText) {
  const [y, m, d] = dateText.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d || 1));
}

export function date(text) {
  return text ? dtf({ dateStyle: 'medium' }).format(utc(text)) : '–';
}

/** A local date-time of an instant in a zone. */
export function instant(iso, zone) {
  if (!iso) return '–';
  const key = 'i' + lang + zone;
  if (!formats.has(key)) {
    formats.set(key, new Intl.DateTimeFormat(lang, { timeZone: zone, dateStyle: 'medium', timeStyle: 'medium' }));
  }
  return formats.get(key).format(new Date(iso));
}

/** The label of a time bucket as the API names it: 2026-06-01, 2026-W23, 2026-06, 2026-06-01T10:00. */
export function bucket(unit, label) {
  if (!label) return '–';
  switch (unit) {
    case 'hour': {
      const [d, time] = label.split('T');
      return `${dtf({ day: 'numeric', month: 'short' }).format(utc(d))} ${time}`;
    }
    case 'day': return dtf({ day: 'numeric', month: 'short' }).format(utc(label));
    case 'week': {
      const [y, w] = label.split('-W');
      return t('bucket.week', { week: Number(w), year: y });
    }
    case 'month': return dtf({ month: 'short', year: 'numeric' }).format(utc(label + '-01'));
    default: return label;
  }
}
