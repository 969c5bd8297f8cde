// Agents: scorecards (outliers marked), a ranking by any agent KPI, and the consistency of each KPI across agents.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, chart, fmt, kpi, select, table } from '../ui.js';

const { t } = i18n;
export const SCORECARD = ['contacts', 'aht', 'fcr', 'resolution_rate', 'csat', 'frt_median', 'occupancy',
  'contacts_per_hour', 'absence_rate', 'conversion_rate'];
/**
 * The written-channel figure beside each live one (issue 12, part 8): aht and contacts_per_hour count contacts picked
 * up live (answered_at); an e-mail agent's replies are in these, so a desk agent does not read "–" and 0.00.
 */
export const WRITTEN = { aht: 'written_handle_time_avg', contacts_per_hour: 'written_contacts_per_hour' };
/** Every KPI the agent pages ask for: the scorecard and the written figures. */
export const REQUESTED = [...SCORECARD, ...Object.values(WRITTEN)];

/** Whether the agent's figures hold contacts picked up live (aht has a value) and written ones. */
export function handled(values) {
  const v = (id) => (values[id] != null && typeof values[id] === 'object' ? values[id].value : values[id]);
  return { live: v('aht') != null, written: v(WRITTEN.aht) != null };
}

export async function agentsPage(ctx) {
  const { filters, state: s } = ctx;
  const rankBy = REQUESTED.includes(s.params.rank) ? s.params.rank : 'csat';
  const [agents, consistency] = await Promise.all([
    api.get('/api/agents', { ...filters, kpi: REQUESTED.join(',') }),
    api.get('/api/consistency', { ...filters, kpi: REQUESTED.join(',') }),
  ]);
  const rows = agents.rows.slice(1).filter((r) => r.group.agent != null);
  // A scorecard cell is marked only when the outlier's value is the number it shows: an agent compared within one
  // channel is marked there when all their contacts are of that channel; otherwise the mark is in the table below.
  const shown = new Map(rows.map((r) => [r.group.agent, r.kpis]));
  const outliers = new Map();
  for (const k of consistency.kpis) {
    for (const o of k.outliers) {
      const v = shown.get(o.agent)?.[k.kpi];
      if (v != null && Math.abs(v - o.value) <= 1e-9 * Math.max(1, Math.abs(v))) outliers.set(`${o.agent}|${k.kpi}`, o);
    }
  }
  const open = (agent) => state.go('agent', agent, {}, {});

  const better = kpi(rankBy).better;
  const ranked = rows.filter((r) => r.kpis[rankBy] != null)
    .sort((a, b) => (better === 'lower' ? a.kpis[rankBy] - b.kpis[rankBy] : b.kpis[rankBy] - a.kpis[rankBy]));
  const ranking = chart({
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(rankBy, v) },
    grid: { left: 90, right: 24, top: 8, bottom: 28 },
    yAxis: { type: 'category', inverse: true, data: ranked.map((r, i) => `${i + 1}. ${r.group.agent}`) },
    xAxis: { type: 'value', scale: kpi(rankBy).unit !== 'count', axisLabel: { formatter: (v) => i18n.axis(kpi(rankBy).unit, v) } },
    series: [{ type: 'bar', name: i18n.kpiName(rankBy), data: ranked.map((r) => r.kpis[rankBy]) }],
  }, { cls: 'chart ranking', label: t('agents.ranking'), onClick: (p) => open(ranked[p.dataIndex].group.agent) });
  ranking.style.height = `${Math.max(240, ranked.length * 20 + 40)}px`;

  const mark = (agent, id) => {
    const o = outliers.get(`${agent}|${id}`);
    return o ? (o.side === 'high' ? ' ▲' : ' ▼') : '';
  };
  const markClass = (agent, ids) => {
    const o = ids.map((id) => outliers.get(`${agent}|${id}`)).find(Boolean);
    return o ? `outlier ${o.better === true ? 'good' : o.better === false ? 'bad' : ''}` : '';
  };
  // A handle-time or per-hour cell shows the live figure of an agent with live contacts and the written one (✎) of an
  // agent with written contacts, both for an agent with both; it sorts by the first it shows. The CSV keeps each KPI
  // in its own column.
  const column = (id) => {
    const w = WRITTEN[id];
    if (!w) {
      return {
        key: id, kpi: id, numeric: true, value: (r) => r.kpis[id],
        text: (r) => fmt(id, r.kpis[id]) + mark(r.group.agent, id), cls: (r) => markClass(r.group.agent, [id]),
      };
    }
    const shownIds = (r) => {
      const has = handled(r.kpis);
      return has.written && !has.live ? [w] : has.written ? [id, w] : [id];
    };
    return {
      key: id, kpi: id, numeric: true, value: (r) => r.kpis[shownIds(r)[0]], csv: (r) => r.kpis[id],
      text: (r) => shownIds(r).map((k) => fmt(k, r.kpis[k]) + (k === w ? ' ✎' : '') + mark(r.group.agent, k))
        .join(' · '),
      data: (r) => ({ shown: shownIds(r).join(' '), live: String(r.kpis[id] ?? ''), written: String(r.kpis[w] ?? '') }),
      cls: (r) => ['handling', markClass(r.group.agent, shownIds(r))].filter(Boolean).join(' '),
    };
  };
  const scorecard = table([
    { key: 'agent', label: t('dimension.agent'), value: (r) => r.group.agent, click: (r) => open(r.group.agent) },
    ...SCORECARD.map(column),
    ...Object.values(WRITTEN).map((w) => ({ key: w, kpi: w, csvOnly: true, value: (r) => r.kpis[w] })),
  ], rows, { name: 'agents' });

  const spread = table([
    { key: 'kpi', label: t('agents.kpi'), value: (r) => r.kpi, text: (r) => i18n.kpiName(r.kpi) },
    { key: 'channel', label: t('dimension.channel'), value: (r) => r.channel,
      text: (r) => (r.channel == null ? t('agents.allChannels') : i18n.channel(r.channel)) },
    { key: 'agents', label: t('agents.count'), numeric: true, text: (r) => i18n.count(r.agents) },
    { key: 'mean', label: t('agents.mean'), numeric: true, text: (r) => fmt(r.kpi, r.mean) },
    { key: 'median', label: t('agents.median'), numeric: true, text: (r) => fmt(r.kpi, r.median) },
    { key: 'q1', label: t('agents.q1'), numeric: true, text: (r) => fmt(r.kpi, r.q1) },
    { key: 'q3', label: t('agents.q3'), numeric: true, text: (r) => fmt(r.kpi, r.q3) },
    { key: 'cv_percent', label: t('agents.cv'), numeric: true, text: (r) => i18n.percent(r.cv_percent) },
    { key: 'outliers', label: t('agents.outliers'), value: (r) => r.outliers.map((o) => o.agent).join(' '),
      text: (r) => (r.outliers.length ? r.outliers.map((o) => `${o.agent} (${fmt(r.kpi, o.value)})`).join(', ') : '–') },
  ], consistency.kpis, { name: 'consistency' });

  ctx.show(
    h('h1', { text: t('nav.agents') }),
    h('section', { class: 'panel' }, h('h2', { text: t('agents.scorecards') }),
      h('p', { class: 'muted', text: t('agents.outlierNote') }),
      h('p', { class: 'muted', id: 'agents-written-note', text: t('agents.writtenNote', {
        aht: i18n.kpiName('aht'), written: i18n.kpiName(WRITTEN.aht),
        perHour: i18n.kpiName('contacts_per_hour'), writtenPerHour: i18n.kpiName(WRITTEN.contacts_per_hour) }) }),
      scorecard),
    h('section', { class: 'panel' }, h('h2', { text: t('agents.ranking') }),
      h('div', { class: 'controls no-print' }, select(t('agents.rankBy'),
        REQUESTED.map((id) => ({ value: id, label: i18n.kpiName(id) })), rankBy, (v) => state.update({ rank: v }),
        { name: 'rank' })), ranking),
    h('section', { class: 'panel' }, h('h2', { text: t('agents.consistency') }),
      h('p', { class: 'muted', text: t('agents.consistencyNote', { min: consistency.min_contacts }) }), spread));
}
