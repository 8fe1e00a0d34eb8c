// 检索: the query box with suggestions, facets as filters, hits with their highlights, paging with the total.
import { h, put, highlighted, status, errorBox, LEVELS, go } from './dom.js';
import { get } from './api.js';
import { catalog } from './catalog.js';

const SIZE = 10;
const FILTERS = ['compilationId', 'region', 'level', 'dateFrom', 'dateTo'];
const FIELDS = { title: '标题', heading: '小标题', outline: '提纲', lead: '导语', paragraph: '正文', committee: '单位' };

export async function render(main, { params, isCurrent }) {
  const q = params.get('q') ?? '';
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? '']));
  const [cat, result] = await Promise.all([
    catalog().catch(() => ({ compilations: [], speeches: new Map() })),
    get('/api/v1/search', { q, ...filters, page, size: SIZE }).catch((e) => e),
  ]);
  if (!isCurrent()) return;

  const state = { q, filters, page };
  const input = h('input', {
    id: 'q', type: 'search', name: 'q', value: q, autocomplete: 'off', placeholder: '例如：有事来协商、"委员履职" -疫情',
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'suggestions',
  });
  const list = h('ul', { id: 'suggestions', class: 'suggestions', role: 'listbox', 'aria-label': '检索建议', hidden: true });
  suggestions(input, list, (text) => submit({ ...state, q: text, page: 0 }));
  const compilation = h('select', { id: 'compilation', name: 'compilationId' },
    h('option', { value: '' }, '全部汇编'),
    cat.compilations.map((c) => h('option', { value: String(c.id), selected: String(c.id) === filters.compilationId }, c.title)));
  const dateFrom = h('input', { id: 'dateFrom', type: 'date', value: filters.dateFrom });
  const dateTo = h('input', { id: 'dateTo', type: 'date', value: filters.dateTo });
  const form = h('form', { class: 'row', role: 'search', 'aria-label': '检索发言', onsubmit: (e) => {
    e.preventDefault();
    submit({ q: input.value.trim(), filters: { ...filters, compilationId: compilation.value, dateFrom: dateFrom.value, dateTo: dateTo.value }, page: 0 });
  } },
  h('div', { class: 'searchbox' }, h('label', { for: 'q' }, '检索词', input), list),
  h('label', { for: 'compilation' }, '汇编', compilation),
  h('label', { for: 'dateFrom' }, '会议日期自', dateFrom),
  h('label', { for: 'dateTo' }, '至', dateTo),
  h('button', { class: 'primary', type: 'submit' }, '检索'));

  const body = h('div', { class: 'layout' });
  put(main, h('h1', {}, '检索发言'), form, chips(state, cat), body);
  if (result instanceof Error) {
    put(body, errorBox(result));
    return;
  }
  const facets = h('aside', { class: 'facets', 'aria-label': '筛选' },
    facet('地区', 'region', result.facets?.region, state, (v) => v),
    facet('层级', 'level', result.facets?.level, state, (v) => LEVELS[v] ?? v));
  const pages = Math.max(1, Math.ceil(result.total / SIZE));
  const hits = h('section', { 'aria-label': '检索结果', id: 'results' },
    h('p', { id: 'total', class: 'muted', role: 'status' },
      `共 ${result.total} 篇发言${q ? `含“${q}”` : ''}，第 ${Math.min(page + 1, pages)} / ${pages} 页（用时 ${result.took} 毫秒）`),
    result.hits.map((hit) => hitView(hit, cat)),
    result.total === 0 ? h('p', {}, '没有找到相符的发言。') : null,
    pager(state, pages));
  put(body, facets, hits);
}

function submit({ q, filters, page }) {
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  for (const [k, v] of Object.entries(filters)) if (v) query.set(k, v);
  if (page) query.set('page', page);
  const qs = query.toString();
  go(`/console/search${qs ? `?${qs}` : ''}`);
}

function chips(state, cat) {
  const active = Object.entries(state.filters).filter(([, v]) => v);
  if (!active.length) return null;
  const label = (k, v) => {
    if (k === 'compilationId') return `汇编：${cat.compilations.find((c) => String(c.id) === v)?.title ?? v}`;
    if (k === 'level') return `层级：${LEVELS[v] ?? v}`;
    if (k === 'region') return `地区：${v}`;
    return `${k === 'dateFrom' ? '自' : '至'} ${v}`;
  };
  return h('div', { class: 'chips', 'aria-label': '已选筛选条件' }, active.map(([k, v]) =>
    h('button', { type: 'button', 'aria-label': `去掉筛选 ${label(k, v)}`,
      onclick: () => submit({ ...state, filters: { ...state.filters, [k]: '' }, page: 0 }) }, `${label(k, v)} ✕`)));
}

function facet(title, key, counts, state, name) {
  const entries = Object.entries(counts ?? {}).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return null;
  return h('section', { 'data-facet': key }, h('h2', {}, title), h('ul', {}, entries.map(([value, count]) => {
    const on = state.filters[key] === value;
    return h('li', {}, h('button', { type: 'button', 'aria-pressed': String(on), onclick: () =>
      submit({ ...state, filters: { ...state.filters, [key]: on ? '' : value }, page: 0 }) }, `${name(value)}（${count}）`));
  })));
}

function hitView(hit, cat) {
  const item = cat.speeches.get(hit.speechId);
  const href = `/console/speeches/${hit.speechId}`;
  const meta = [hit.committee, hit.region, item?.compilation?.title, item?.date ?? item?.compilation?.date]
    .filter(Boolean).join(' · ');
  return h('article', { class: 'hit', 'data-speech': hit.speechId },
    h('h3', {}, h('a', { href }, hit.title)),
    h('p', { class: 'meta' }, meta),
    (hit.highlights ?? []).filter((f) => f.field !== 'title').map((f) => h('p', { class: 'frag' },
      h('span', { class: 'field' }, FIELDS[f.field] ?? f.field),
      fragmentLink(hit.speechId, f))));
}

/** A highlight links to the passage it came from in the speech page. */
function fragmentLink(speechId, f) {
  const query = new URLSearchParams({ field: f.field });
  if (f.sectionIndex !== null && f.sectionIndex !== undefined) query.set('s', f.sectionIndex);
  if (f.paragraphIndex !== null && f.paragraphIndex !== undefined) query.set('p', f.paragraphIndex);
  if (f.field === 'committee') return highlighted(f.fragment);
  return h('a', { class: 'passage', href: `/console/speeches/${speechId}?${query}` }, highlighted(f.fragment));
}

function pager(state, pages) {
  if (pages <= 1) return null;
  return h('nav', { class: 'pager', 'aria-label': '翻页' },
    h('button', { type: 'button', disabled: state.page <= 0, onclick: () => submit({ ...state, page: state.page - 1 }) }, '上一页'),
    h('span', {}, `第 ${state.page + 1} / ${pages} 页`),
    h('button', { type: 'button', id: 'next-page', disabled: state.page + 1 >= pages, onclick: () => submit({ ...state, page: state.page + 1 }) }, '下一页'));
}

/** Completions under the box as the user types (search-service's suggest), chosen with the keyboard or a click. */
function suggestions(input, list, choose) {
  let timer = null;
  let items = [];
  let selected = -1;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); selected = -1; };
  const draw = () => {
    put(list, items.map((s, i) => h('li', { id: `suggestion-${i}`, role: 'option', 'aria-selected': String(i === selected),
      onmousedown: (e) => { e.preventDefault(); choose(s.text); } }, s.text,
    h('span', { class: 'kind' }, s.kind === 'title' ? '标题' : s.kind === 'heading' ? '小标题' : '词语'))));
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    if (selected >= 0) input.setAttribute('aria-activedescendant', `suggestion-${selected}`);
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { items = []; close(); return; }
    timer = setTimeout(async () => {
      try {
        const answer = await get('/api/v1/search/suggest', { q, size: 8 });
        if (input.value.trim() !== q) return;
        items = answer.suggestions ?? [];
        selected = -1;
        draw();
      } catch { items = []; close(); }
    }, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { selected = (selected + 1) % items.length; draw(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { selected = (selected - 1 + items.length) % items.length; draw(); e.preventDefault(); }
    else if (e.key === 'Enter' && selected >= 0) { e.preventDefault(); choose(items[selected].text); }
    else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}

