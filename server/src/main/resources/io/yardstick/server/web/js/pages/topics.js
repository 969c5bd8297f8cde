// Topics: the top topics with their share, change against the previous period, FCR, CSAT and AHT; spikes stand out.
import * as api from '../api.js';
import * as i18n from '../i18n.js';
import * as state from '../state.js';
import { h, chart, fmt, table } from '../ui.js';

const { t } = i18n;

export async function topicsPage(ctx) {
  const { filters, state: s } = ctx;
  const data = await api.get('/api/topics', { ...filters, limit: 50 });
  const topics = data.topics;
  const drill = (topic, kpi) => state.go('contacts', undefined, { kpi }, { ...s.where, topic: [topic] });
  const top = topics.slice(0, 15);
  const graph = chart({
    tooltip: { trigger: 'axis', valueFormatter: (v) => i18n.count(v) },
    legend: { top: 0 },
    grid: { left: 120, right: 24, top: 32, bottom: 28 },
    yAxis: { type: 'category', inverse: true, data: top.map((x) => i18n.dimValue('topic', x.topic)) },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => i18n.axis('count', v) } },
    series: [
      {
        name: t('topics.current'), type: 'bar',
        data: top.map((x) => ({ value: x.contacts, itemStyle: x.spike ? { color: '#d1495b' } : undefined })),
      },
      { name: t('topics.previous'), type: 'bar', data: top.map((x) => x.previous_contacts), itemStyle: { color: '#b8c4d0' } },
    ],
  }, { cls: 'chart tall', label: t('nav.topics'), onClick: (p) => drill(top[p.dataIndex].topic) });
  const spikes = topics.filter((x) => x.spike);
  const columns = [
    { key: 'topic', label: t('dimension.topic'), text: (r) => i18n.dimValue('topic', r.topic) + (r.spike ? ` ▲ ${t('topics.spike')}` : ''),
      cls: (r) => (r.spike ? 'spike' : '') },
    { key: 'contacts', kpi: 'contacts', numeric: true, text: (r) => i18n.count(r.contacts), click: (r) => drill(r.topic) },
    { key: 'share', label: t('topics.share'), numeric: true, text: (r) => i18n.percent(r.share) },
    { key: 'previous_contacts', label: t('topics.previousContacts'), numeric: true,
      text: (r) => i18n.count(r.previous_contacts) },
    { key: 'change_percent', label: t('table.change'), numeric: true,
      text: (r) => (r.change_percent == null ? '–' : i18n.change('count', { value: 1, previous: 1, change_percent: r.change_percent })) },
    { key: 'fcr', kpi: 'fcr', numeric: true, text: (r) => fmt('fcr', r.fcr), click: (r) => drill(r.topic, 'fcr') },
    { key: 'csat', kpi: 'csat', numeric: true, text: (r) => fmt('csat', r.csat) },
    { key: 'aht', kpi: 'aht', numeric: true, text: (r) => fmt('aht', r.aht), click: (r) => drill(r.topic, 'aht') },
  ];
  ctx.show(
    h('h1', { text: t('nav.topics') }),
    spikes.length ? h('p', { class: 'message warning', text: t('topics.spikes', { topics: spikes.map((x) => i18n.dimValue('topic', x.topic)).join(', ') }) })
      : h('p', { class: 'muted', text: t('topics.noSpikes') }),
    h('p', { class: 'muted', id: 'spike-rule', text: t('topics.spikeRule', {
      ratio: i18n.decimal(data.spike_rule.ratio, 1), points: i18n.decimal(data.spike_rule.share_points, 1) }) }),
    h('section', { class: 'panel' }, h('h2', { text: t('topics.top') }), graph),
    h('section', { class: 'panel' }, table(columns, topics, { name: 'topics' })));
}
