// 统计: ECharts charts fed by the stats API. Every chart is drawn from the answers' row figures (never from the
// rows' provenance lists, which the API caps); a click on a bar lists the facts behind it from /api/v1/stats/facts,
// each with its sentence marked and a link to its paragraph. Every chart offers the API's CSV and a PNG.
import { h, put, status, errorBox, sentenceWithMark, percent, download, describe, TIERS, CATEGORIES, STATUSES, LEVELS, go } from './dom.js';
import { call, get } from './api.js';
import { catalog } from './catalog.js';

const TIER_ORDER = ['city', 'county', 'township', 'village', 'unspecified'];
const PREFECTURE_LEVELS = new Set(['prefecture-city', 'autonomous-prefecture', 'prefecture', 'league']);
const DEFAULT_TERMS = '有事来协商,协商平台,提案';
let charts = [];

/** Every row of a paged region answer (platforms, members), 100 per request; totals come with each page. */
async function allRows(path, scope) {
  const first = await get(path, { ...scope, page: 0, size: 100 });
  const regions = [...first.regions];
  for (let page = 1; page * 100 < first.total; page++) {
    regions.push(...(await get(path, { ...scope, page, size: 100 })).regions);
  }
  return { ...first, regions };
}

export async function render(main, { params, isCurrent }) {
  const compilationId = params.get('compilationId') ?? '';
  const region = params.get('region') ?? '';
  const terms = params.get('terms') ?? DEFAULT_TERMS;
  const scope = { compilationId, region };
  const [echarts, cat, platforms, members, coverage, topics] = await Promise.all([
    loadEcharts(), catalog(),
    allRows('/api/v1/stats/platforms', scope), allRows('/api/v1/stats/members', scope),
    get('/api/v1/stats/coverage', { compilationId }), get('/api/v1/stats/topics', { terms, compilationId }).catch((e) => e),
  ]);
  if (!isCurrent()) return;
  charts.forEach((c) => c.dispose());
  charts = [];

  const regions = [...new Set([...cat.speeches.values()].filter((s) => !compilationId || String(s.compilationId) === compilationId)
    .map((s) => s.region).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const compilationSelect = h('select', { id: 'stats-compilation', name: 'compilationId' }, h('option', { value: '' }, '全部汇编'),
    cat.compilations.map((c) => h('option', { value: String(c.id), selected: String(c.id) === compilationId }, c.title)));
  const regionSelect = h('select', { id: 'stats-region', name: 'region' }, h('option', { value: '' }, '全部地区'),
    regions.map((r) => h('option', { value: r, selected: r === region }, r)));
  const apply = (changes) => {
    const q = new URLSearchParams({ compilationId, region, terms, ...changes });
    for (const [k, v] of [...q]) if (!v || (k === 'terms' && v === DEFAULT_TERMS)) q.delete(k);
    go(`/console/stats${q.size ? `?${q}` : ''}`);
  };
  compilationSelect.addEventListener('change', () => apply({ compilationId: compilationSelect.value, region: '' }));
  regionSelect.addEventListener('change', () => apply({ region: regionSelect.value }));

  const drill = h('section', { id: 'drill', class: 'drill', 'aria-live': 'polite', hidden: true });
  const cards = h('div', { class: 'cards' });
  put(main, h('h1', {}, '统计'),
    h('form', { class: 'row', 'aria-label': '统计范围', onsubmit: (e) => e.preventDefault() },
      h('label', { for: 'stats-compilation' }, '汇编', compilationSelect), h('label', { for: 'stats-region' }, '地区', regionSelect),
      h('span', { class: 'muted' }, '点击柱形查看其依据的原文句子。')),
    cards, drill);
  const show = (title, loader) => showFacts(drill, title, loader, compilationId);

  // 1. platforms per region, stacked by tier
  const p = platformSeries(platforms);
  cards.append(chartCard(echarts, {
    id: 'platforms', title: '协商平台（按地区、层级）',
    summary: `共 ${platforms.totals?.all ?? 0} 个平台`,
    option: barOption(p.regions, p.series.map((s) => ({ id: s.tier, name: TIERS[s.tier] ?? s.tier, type: 'bar', stack: 'platforms', data: s.data })), '个'),
    onClick: (i, series) => show(`${p.regions[i]} · ${TIERS[series] ?? series}协商平台`,
      { category: 'platform', region: p.regions[i], tier: series }),
    csv: ['/api/v1/stats/platforms', scope, 'platforms.csv'],
    table: [['地区', ...p.series.map((s) => TIERS[s.tier] ?? s.tier)], ...p.regions.map((r, i) => [r, ...p.series.map((s) => s.data[i])])],
    rowFacts: (i) => show(`${p.regions[i]} · 协商平台`, { category: 'platform', region: p.regions[i] }),
  }));

  // 2. members and their coverage per region
  const m = memberSeries(members);
  cards.append(chartCard(echarts, {
    id: 'members', title: '委员人数与覆盖率（按地区）',
    summary: `共 ${members.totals?.members ?? 0} 名委员，${members.totals?.regions ?? 0} 个地区`,
    option: {
      ...barOption(m.regions, [
        { id: 'members', name: '委员人数', type: 'bar', data: m.members },
        { id: 'coverage', name: '覆盖率（%）', type: 'line', yAxisIndex: 1, data: m.coverage, connectNulls: false },
      ], '人'),
      yAxis: [{ type: 'value', name: '人' }, { type: 'value', name: '%', min: 0, max: 100 }],
    },
    onClick: (i) => show(`${m.regions[i]} · 委员`, { category: 'member', region: m.regions[i] }),
    csv: ['/api/v1/stats/members', scope, 'members.csv'],
    table: [['地区', '委员人数', '覆盖率'], ...m.regions.map((r, i) => [r, m.members[i], m.coverage[i] === null ? '–' : `${m.coverage[i]}%`])],
    rowFacts: (i) => show(`${m.regions[i]} · 委员`, { category: 'member', region: m.regions[i] }),
  }));

  // 3. committees by level against the gazetteer's divisions
  const c = coverageSeries(coverage);
  cards.append(chartCard(echarts, {
    id: 'coverage', title: '委员会覆盖（按层级，对照行政区划）',
    summary: c.categories.map((name, i) => `${name} ${c.represented[i]}/${c.divisions[i]}`).join('；') || '暂无',
    option: barOption(c.categories, [
      { id: 'divisions', name: '行政区划数', type: 'bar', data: c.divisions },
      { id: 'represented', name: '有发言', type: 'bar', data: c.represented },
      { id: 'withBody', name: '有正文', type: 'bar', data: c.withBody },
    ], '个', 0),
    onClick: (i) => showCommittees(drill, c.categories[i], c.committees[i]),
    csv: ['/api/v1/stats/coverage', { compilationId }, 'coverage.csv'],
    table: [['层级', '行政区划数', '有发言', '有正文', '覆盖率'], ...c.categories.map((name, i) => [name, c.divisions[i], c.represented[i], c.withBody[i], percent(c.ratio[i])])],
    rowFacts: (i) => showCommittees(drill, c.categories[i], c.committees[i]),
  }));

  // 4. topic mentions per region for the terms typed
  const termsInput = h('input', { id: 'terms', name: 'terms', value: terms, size: 30 });
  const termsForm = h('form', { class: 'row', onsubmit: (e) => { e.preventDefault(); apply({ terms: termsInput.value.trim() || DEFAULT_TERMS }); } },
    h('label', { for: 'terms' }, '词语（用逗号分隔）', termsInput), h('button', { type: 'submit' }, '统计'));
  if (topics instanceof Error) {
    cards.append(h('section', { class: 'card' }, h('h2', {}, '议题提及（按地区）'), termsForm, errorBox(topics)));
  } else {
    const t = topicSeries(topics, region);
    cards.append(chartCard(echarts, {
      id: 'topics', title: '议题提及（按地区）', before: termsForm,
      summary: (topics.terms ?? []).map((term) => `${term.term} ${term.mentions} 次`).join('；'),
      option: barOption(t.regions, t.series.map((s) => ({ id: s.term, name: s.term, type: 'bar', data: s.data })), '次'),
      onClick: (i, term) => showMentions(drill, topics, term, t.regions[i]),
      csv: ['/api/v1/stats/topics', { terms, compilationId }, 'topics.csv'],
      table: [['地区', ...t.series.map((s) => s.term)], ...t.regions.map((r, i) => [r, ...t.series.map((s) => s.data[i])])],
    }));
  }
  window.addEventListener('resize', resize);
}

function resize() {
  charts.forEach((c) => c.resize());
}

/** Regions in the answer's order, each tier summed over the region's rows (one per speaker kind). */
export function platformSeries(answer) {
  const sums = new Map();
  for (const row of answer.regions ?? []) {
    const key = row.region ?? '（未知地区）';
    const tiers = sums.get(key) ?? {};
    for (const [tier, n] of Object.entries(row.tiers ?? {})) tiers[tier] = (tiers[tier] ?? 0) + n;
    sums.set(key, tiers);
  }
  const seen = new Set([...sums.values()].flatMap((t) => Object.keys(t)));
  const tiers = [...TIER_ORDER.filter((t) => seen.has(t)), ...[...seen].filter((t) => !TIER_ORDER.includes(t))];
  const regions = [...sums.keys()];
  return { regions, series: tiers.map((tier) => ({ tier, data: regions.map((r) => sums.get(r)[tier] ?? 0) })) };
}

/** Members summed per region; the coverage (in %) of a region given by one row, none for several. */
export function memberSeries(answer) {
  const rows = new Map();
  for (const row of answer.regions ?? []) {
    const key = row.region ?? '（未知地区）';
    rows.set(key, [...(rows.get(key) ?? []), row]);
  }
  const regions = [...rows.keys()];
  return {
    regions,
    members: regions.map((r) => rows.get(r).reduce((sum, row) => sum + (row.members ?? 0), 0)),
    coverage: regions.map((r) => {
      const list = rows.get(r);
      const value = list.length === 1 ? list[0].coverage : null;
      return value === null || value === undefined ? null : Math.round(value * 1000) / 10;
    }),
  };
}

/** Per province: the prefecture-level and the county-level divisions, and how many have a speaker / a body. */
export function coverageSeries(answer) {
  const out = { categories: [], divisions: [], represented: [], withBody: [], ratio: [], committees: [] };
  for (const province of answer.provinces ?? []) {
    const committees = [...(province.prefectures ?? []), ...(province.direct ?? [])].flatMap((d) => d.committees ?? []);
    for (const [key, label, test] of [['prefectureLevel', '地级', (l) => PREFECTURE_LEVELS.has(l)], ['countyLevel', '县级', (l) => !PREFECTURE_LEVELS.has(l)]]) {
      const level = province[key];
      if (!level) continue;
      out.categories.push(`${province.province} ${label}`);
      out.divisions.push(level.divisions);
      out.represented.push(level.represented);
      out.withBody.push(level.withBody);
      out.ratio.push(level.coverage);
      out.committees.push(committees.filter((c) => test(c.level)));
    }
  }
  return out;
}

/** Regions that mention any term (the region filter applies here too), one series per term. */
export function topicSeries(answer, onlyRegion) {
  const terms = answer.terms ?? [];
  const regions = [...new Set(terms.flatMap((t) => Object.keys(t.regions ?? {})))]
    .filter((r) => !onlyRegion || r === onlyRegion);
  return { regions, series: terms.map((t) => ({ term: t.term, data: regions.map((r) => t.regions?.[r] ?? 0) })) };
}

function barOption(categories, series, unit, rotate = 40) {
  return {
    aria: { enabled: true },
    animation: false,
    // Tooltips drawn on the canvas (no HTML): no markup from the data, no inline styles.
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { rotate, interval: 0 } },
    yAxis: { type: 'value', name: unit },
    series,
  };
}

function chartCard(echarts, { id, title, summary, option, onClick, csv, table, rowFacts, before }) {
  const el = h('div', { id: `chart-${id}`, class: 'chart', role: 'img', 'aria-label': `${title}：${summary}` });
  const [path, query, filename] = csv;
  const message = h('span', { class: 'muted', 'aria-live': 'polite' });
  const card = h('section', { class: 'card', id: `card-${id}`, 'aria-labelledby': `title-${id}` },
    h('h2', { id: `title-${id}` }, title), before ?? null,
    h('p', { class: 'muted' }, summary),
    h('div', { class: 'tools' },
      h('button', { type: 'button', class: 'csv', 'aria-label': `下载“${title}”的 CSV 数据`, onclick: async () => {
        try {
          const answer = await call('GET', path, { query, accept: 'text/csv', blob: true });
          download(answer.data, filename);
          message.textContent = `已下载 ${filename}`;
        } catch (e) { message.textContent = describe(e); }
      } }, '下载 CSV'),
      h('button', { type: 'button', class: 'png', 'aria-label': `下载“${title}”的 PNG 图片`, onclick: () => {
        const chart = echarts.getInstanceByDom(el);
        download(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }), filename.replace('.csv', '.png'));
        message.textContent = `已下载 ${filename.replace('.csv', '.png')}`;
      } }, '下载 PNG'), message),
    el,
    h('details', {}, h('summary', {}, '数据表'), h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, table[0].map((c) => h('th', { scope: 'col' }, c)), rowFacts ? h('th', {}, h('span', { class: 'muted' }, '依据')) : null)),
      h('tbody', {}, table.slice(1).map((row, i) => h('tr', {}, row.map((c, j) => (j === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))),
        rowFacts ? h('td', {}, h('button', { type: 'button', onclick: () => rowFacts(i) }, '查看依据')) : null)))))));
  // drawn once the card is in the page and has its width
  requestAnimationFrame(() => {
    const chart = echarts.init(el, null, { renderer: 'canvas', locale: 'ZH' });
    chart.setOption(option);
    chart.on('click', (params) => onClick(params.dataIndex, params.seriesId));
    charts.push(chart);
  });
  return card;
}

/** The facts behind a bar, all pages of /api/v1/stats/facts (up to 500), only the chosen compilation's. */
async function showFacts(drill, title, query, compilationId) {
  drill.hidden = false;
  put(drill, h('h2', { id: 'drill-title' }, `依据：${title}`), status('正在加载…'));
  drill.scrollIntoView({ block: 'start' });
  try {
    let facts = [];
    let total = 0;
    for (let page = 0; page < 5; page++) {
      const answer = await get('/api/v1/stats/facts', { ...query, page, size: 100 });
      total = answer.total;
      facts = facts.concat(answer.items);
      if ((page + 1) * 100 >= total) break;
    }
    if (compilationId) facts = facts.filter((f) => String(f.compilationId) === compilationId);
    put(drill, h('h2', { id: 'drill-title' }, `依据：${title}（${facts.length} 条）`),
      h('ul', { class: 'facts', id: 'drill-facts' }, facts.map(factItem)),
      facts.length < total && !compilationId ? h('p', { class: 'muted' }, `只列出前 ${facts.length} 条，共 ${total} 条。`) : null,
      h('button', { type: 'button', onclick: () => { drill.hidden = true; } }, '关闭'));
  } catch (e) {
    put(drill, h('h2', {}, `依据：${title}`), errorBox(e));
  }
}

/** A fact with its sentence (the part read marked) and a link to the paragraph it stands in. */
export function factItem(fact) {
  return h('li', { 'data-fact': fact.id },
    h('strong', {}, `${fact.subject ?? ''} ${fact.value ?? ''}${fact.unit ?? ''}`),
    h('span', { class: 'badge' }, CATEGORIES[fact.category] ?? fact.category),
    fact.tier ? h('span', { class: 'badge' }, TIERS[fact.tier] ?? fact.tier) : null,
    h('span', { class: 'badge' }, STATUSES[fact.status] ?? fact.status),
    h('p', { class: 'sentence' }, sentenceWithMark(fact.sentence, fact.start, fact.end, fact.text)),
    h('p', { class: 'meta' }, `${fact.committee ?? ''} · ${fact.region ?? ''} · `,
      h('a', { class: 'source', href: factHref(fact) }, '查看原文段落')));
}

export function factHref(fact) {
  let anchor = fact.paragraphId;
  if (!anchor) anchor = fact.kind === 'outline' ? `o-${fact.sectionIndex}` : `s-${fact.sectionIndex}`;
  return `/console/speeches/${fact.speechId}#${anchor}`;
}

function showCommittees(drill, title, committees) {
  drill.hidden = false;
  put(drill, h('h2', {}, `有发言的委员会：${title}（${committees.length} 个）`),
    h('ul', {}, committees.map((c) => h('li', {}, h('a', { href: `/console/speeches/${c.speechId}` }, c.committee),
      h('span', { class: 'muted' }, ` ${c.region ?? ''}（${LEVELS[c.level] ?? c.level ?? ''}）· ${c.content === 'body' ? '有正文' : '仅有提纲'}`)))),
    h('button', { type: 'button', onclick: () => { drill.hidden = true; } }, '关闭'));
  drill.scrollIntoView({ block: 'start' });
}

function showMentions(drill, topics, termName, region) {
  const term = (topics.terms ?? []).find((t) => t.term === termName);
  const speeches = (term?.speeches ?? []).filter((s) => s.region === region);
  drill.hidden = false;
  put(drill, h('h2', {}, `“${termName}”在${region}的提及（${term?.regions?.[region] ?? 0} 次）`),
    h('ul', {}, speeches.map((s) => h('li', {}, h('a', { href: `/console/speeches/${s.speechId}` }, `发言 ${s.speechId}`), ` · ${s.mentions} 次`))),
    h('p', {}, h('a', { href: `/console/search?${new URLSearchParams({ q: termName, region })}` }, `检索“${termName}”（${region}）`)),
    h('button', { type: 'button', onclick: () => { drill.hidden = true; } }, '关闭'));
  drill.scrollIntoView({ block: 'start' });
}

let echartsLoading = null;
/** ECharts (its own dist bundle, from the pinned Maven artifact) only when the dashboard is opened. */
function loadEcharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  echartsLoading ??= new Promise((resolve, reject) => {
    const script = h('script', { src: '/console/vendor/echarts/echarts.min.js' });
    script.addEventListener('load', () => resolve(window.echarts));
    script.addEventListener('error', () => { echartsLoading = null; reject(new Error('无法加载 ECharts')); });
    document.head.append(script);
  });
  return echartsLoading;
}
