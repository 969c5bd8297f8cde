// One agent's report, the one a team lead discusses with the agent: their KPIs next to their team's, and their weekly
// trend against the team. An agent sees only their own (the API answers 403 for anyone else's).
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, chart, fmt, judgement, infoButton, kpi, select, table, message } from '../ui.js';
import { SCORECARD, WRITTEN, REQUESTED, handled } from './agents.js';

const { t } = i18n;
/** Fewer contacts than this in a week make its rates too thin to read (the consistency page's default minimum). */
const THIN = 20;

export async function agentPage(ctx) {
  const { filters, state: s } = ctx;
  const agent = s.arg;
  let report;
  try {
    report = await api.get(`/api/agents/${encodeURIComponent(agent)}`, {
      ...filters, where: [], kpi: REQUESTED.join(','), compare: 'previous',
    });
  } catch (e) {
    if (e.status === 403) {
      ctx.show(h('h1', { text: t('agent.title', { agent }) }),
        message('error', t('agent.forbidden', { agent })));
      return;
    }
    throw e;
  }
  const mine = report.kpis.rows[0].kpis;
  const team = report.team_kpis ? report.team_kpis.rows[0].kpis : null;
  const perAgent = report.team_per_agent;
  // The written figures stand in for the live ones of an agent who only replies in writing, and beside them for one
  // who does both (issue 12, part 8).
  const has = handled(mine);
  const ids = SCORECARD.flatMap((id) => {
    if (!WRITTEN[id] || !has.written) return [id];
    return has.live ? [id, WRITTEN[id]] : [WRITTEN[id]];
  });
  const shown = ids.includes(s.params.kpi) ? s.params.kpi : 'csat';
  const weeks = report.series.rows.slice(1);
  const teamWeeks = report.team_series ? report.team_series.rows.slice(1) : [];
  const teamByWeek = new Map(teamWeeks.map((r) => [r.group.week, r.kpis[shown]]));
  // A week cut by the period, or with few contacts, is marked rather than read as a plunge (issue 12, part 8).
  const caution = (r) => {
    const [from, to] = state.bucketRange('week', r.group.week);
    if (from < filters.from || to > filters.to) return 'partial';
    return (r.kpis.contacts ?? 0) < THIN ? 'thin' : null;
  };
  const marked = (r) => (caution(r) ? t(`agent.${caution(r)}`, { min: i18n.count(THIN) }) : null);

  const tiles = h('div', { class: 'tiles' }, ids.map((id) => {
    const c = mine[id];
    const tv = team ? team[id] : null;
    return h('article', {
      class: 'tile', tabindex: '0', dataset: { kpi: id },
      onclick: () => state.go('contacts', undefined, { kpi: id === 'contacts' ? undefined : id }, { agent: [agent] }),
    },
    h('header', {}, h('h3', { text: i18n.kpiName(id) }), infoButton(id)),
    h('p', { class: 'tile-value', dataset: { value: c && c.value != null ? String(c.value) : '' }, text: fmt(id, c?.value) }),
    h('p', { class: `tile-change ${judgement(id, c?.change)}`, text: i18n.change(kpi(id).unit, c)
      ? t('overview.change', { change: i18n.change(kpi(id).unit, c) }) : t('overview.noPrevious') }),
    h('p', { class: 'tile-previous muted', text: kpi(id).unit === 'count' && perAgent
      ? t('agent.teamPerAgent', { value: fmt(id, perAgent.kpis[id]), agents: i18n.count(perAgent.agents) })
      : t('agent.team', { value: fmt(id, tv != null && typeof tv === 'object' ? tv.value : tv) }) }));
  }));

  const graph = chart({
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(shown, v) },
    legend: { top: 0 },
    grid: { left: 64, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: weeks.map((r) => i18n.bucket('week', r.group.week)) },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v) => i18n.axis(kpi(shown).unit, v) } },
    series: [
      { name: agent, type: 'line', symbolSize: 6, data: weeks.map((r) => (caution(r)
        ? { value: r.kpis[shown], symbol: 'emptyCircle', symbolSize: 9, itemStyle: { color: '#9aa5b1' } }
        : r.kpis[shown])) },
      ...(teamWeeks.length ? [{
        name: t('agent.teamLine', { team: report.team }), type: 'line', data: weeks.map((r) => teamByWeek.get(r.group.week) ?? null),
        lineStyle: { type: 'dashed' }, symbolSize: 4,
      }] : []),
    ],
  }, { cls: 'chart', label: t('agent.trend') });

  const weekTable = table([
    { key: 'week', label: t('unit.bucket.week'), value: (r) => r.group.week, cls: (r) => (caution(r) ? 'caution' : ''),
      text: (r) => i18n.bucket('week', r.group.week) + (caution(r) ? ` (${marked(r)})` : '') },
    ...ids.map((id) => ({ key: id, kpi: id, numeric: true, value: (r) => r.kpis[id], text: (r) => fmt(id, r.kpis[id]) })),
  ], weeks, { name: `agent-${agent}` });

  ctx.show(
    h('h1', { text: t('agent.title', { agent }) }),
    h('p', { class: 'muted', text: !report.team ? t('agent.noTeam') : report.team_withheld
      ? t('agent.teamWithheld', { team: report.team })
      : t('agent.teamOf', { team: report.team }) }),
    h('p', { class: 'no-print' }, h('a', {
      href: state.href('contacts', undefined, { ...s.params, kpi: undefined }, { agent: [agent] }),
      text: t('agent.contacts'), id: 'agent-contacts',
    })),
    tiles,
    h('section', { class: 'panel' }, h('h2', { text: t('agent.trend') }),
      h('div', { class: 'controls no-print' }, select(t('breakdown.chart'),
        ids.map((id) => ({ value: id, label: i18n.kpiName(id) })), shown, (v) => state.update({ kpi: v }),
        { name: 'kpi' })), graph,
      weeks.some(caution) ? h('p', { class: 'muted', id: 'agent-caution',
        text: t('agent.cautionNote', { min: i18n.count(THIN) }) }) : null),
    h('section', { class: 'panel' }, weekTable));
}
