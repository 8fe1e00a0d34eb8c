// 发言: one speech with its sections and paragraphs, each paragraph addressable (#p-12) with a copyable citation
// link; the outline of an outline-only speech; similar speeches; for editors an edit form (If-Match) and the history.
import { h, put, status, errorBox, describe, chineseNumber, LEVELS, go } from './dom.js';
import { call, get } from './api.js';
import { hasRole } from './auth.js';
import { catalog } from './catalog.js';

export async function render(main, { match, params, isCurrent }) {
  const id = match[1];
  const answer = await call('GET', `/api/v1/speeches/${id}`);
  if (!isCurrent()) return;
  const speech = answer.data;
  const etag = answer.headers.get('ETag');
  const cat = await catalog().catch(() => null);
  const compilation = cat?.compilations.find((c) => c.id === speech.compilationId);

  const article = h('article', { class: 'speech', 'aria-labelledby': 'speech-title' },
    h('h1', { id: 'speech-title' }, speech.title,
      !speech.bodyAvailable ? h('span', { class: 'badge' }, '仅有提纲') : null,
      speech.truncated ? h('span', { class: 'badge' }, '正文不完整') : null),
    speech.subtitle ? h('p', { class: 'subtitle' }, speech.subtitle) : null,
    h('p', { class: 'meta' }, [speech.committee, speech.speakerName, speech.region && `${speech.region}${speech.level ? `（${LEVELS[speech.level] ?? speech.level}）` : ''}`,
      speech.date ?? compilation?.date, `第 ${speech.order} 篇`].filter(Boolean).join(' · '),
    compilation ? [' · ', h('a', { href: `/console/search?compilationId=${compilation.id}` }, compilation.title)] : null),
    body(speech));
  const similar = h('section', { class: 'side', 'aria-labelledby': 'similar-title' }, h('h2', { id: 'similar-title' }, '相似发言'), status('正在查找…'));
  const extra = [];
  if (hasRole('editor')) {
    extra.push(h('section', { class: 'side', 'aria-labelledby': 'edit-heading' }, h('h2', { id: 'edit-heading' }, '编辑'),
      h('button', { type: 'button', id: 'edit', onclick: (e) => { e.target.replaceWith(editor(speech, etag)); } }, '编辑此发言')));
    extra.push(historySection(id));
  }
  put(main, article, similar, ...extra);
  cite(speech, params);

  get(`/api/v1/search/similar/${id}`, { size: 5 }).then((r) => {
    put(similar, h('h2', { id: 'similar-title' }, '相似发言'), r.hits.length ? h('ul', {}, r.hits.map((hit) =>
      h('li', {}, h('a', { href: `/console/speeches/${hit.speechId}` }, hit.title), h('span', { class: 'muted' }, ` ${hit.committee}`))))
      : h('p', { class: 'muted' }, '暂无。'));
  }).catch((e) => put(similar, h('h2', { id: 'similar-title' }, '相似发言'), errorBox(e)));
}

function body(speech) {
  const parts = [];
  if (speech.lead?.length) {
    parts.push(h('section', { 'aria-label': '导语' }, speech.lead.map((text, i) => paragraph(speech, `p-lead-${i + 1}`, text, `导语第 ${i + 1} 段`))));
  }
  for (const section of speech.sections ?? []) {
    parts.push(h('section', { 'aria-labelledby': `s-${section.ordinal}` },
      h('h2', { id: `s-${section.ordinal}` }, `${chineseNumber(section.ordinal)}、${section.heading}`),
      section.paragraphs.map((p) => paragraph(speech, p.id, p.text, `第 ${p.id.slice(2)} 段`))));
  }
  if (!speech.bodyAvailable && speech.outline?.length) {
    parts.push(h('section', { 'aria-labelledby': 'outline-title' }, h('h2', { id: 'outline-title' }, '提纲'),
      h('p', { class: 'muted' }, '汇编中只收录了这篇发言的目录和小标题，没有正文。'),
      h('ol', { class: 'outline' }, speech.outline.map((line, i) => h('li', { id: `o-${i + 1}` }, line)))));
  }
  if (!parts.length) parts.push(h('p', { class: 'muted' }, '这篇发言没有正文。'));
  return parts;
}

/** A paragraph with its id as an anchor and a button that copies the citation link. */
function paragraph(speech, id, text, label) {
  const link = `${location.origin}/console/speeches/${speech.id}#${id}`;
  return h('p', { class: 'para', id },
    h('a', { class: 'pid', href: `#${id}`, 'aria-label': `${label}的链接` }, `¶${id.replace('p-', '')}`),
    text,
    h('button', { type: 'button', class: 'cite', 'data-link': link, 'aria-label': `复制${label}的引用链接`,
      onclick: (e) => copy(e.currentTarget, link) }, '复制引用'));
}

async function copy(button, link) {
  try {
    await navigator.clipboard.writeText(link);
    button.textContent = '已复制';
  } catch {
    // no clipboard (an insecure origin, a refused permission): show the link to copy by hand
    const field = h('input', { type: 'text', readonly: true, value: link, 'aria-label': '引用链接', size: 40 });
    button.replaceWith(field);
    field.select();
  }
}

/** Scrolls to the cited passage: #p-12, or ?field=&s=&p= from a search highlight (turned into its #id). */
function cite(speech, params) {
  let id = location.hash.slice(1);
  const field = params.get('field');
  const s = Number.parseInt(params.get('s'), 10);
  const p = Number.parseInt(params.get('p'), 10);
  if (field === 'paragraph' && speech.sections?.[s]?.paragraphs?.[p]) id = speech.sections[s].paragraphs[p].id;
  else if (field === 'lead' && Number.isInteger(p)) id = `p-lead-${p + 1}`;
  else if (field === 'heading' && speech.sections?.[s]) id = `s-${speech.sections[s].ordinal}`;
  else if (field === 'outline' && Number.isInteger(p)) id = `o-${p + 1}`;
  if (field) history.replaceState(null, '', `${location.pathname}${id ? `#${id}` : ''}`);
  const target = id && document.getElementById(id);
  if (!target) return;
  target.classList.add('cited');
  target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

function historySection(id) {
  const section = h('section', { class: 'side', 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, '修改记录'), status('正在加载…'));
  get(`/api/v1/speeches/${id}/history`).then((entries) => {
    const names = { create: '创建', update: '修改', delete: '删除' };
    put(section, h('h2', { id: 'history-title' }, '修改记录'), h('ol', { class: 'history' }, entries.map((e) =>
      h('li', {}, `第 ${e.version} 版 · ${names[e.action] ?? e.action} · ${e.actor} · ${new Date(e.at).toLocaleString('zh-CN')}`,
        e.summary ? h('span', { class: 'muted' }, ` — ${e.summary}`) : null))));
  }).catch((e) => put(section, h('h2', { id: 'history-title' }, '修改记录'), errorBox(e)));
  return section;
}

/** The edit form: the whole speech goes back with PUT and If-Match (its ETag); a stale ETag answers 412. */
function editor(speech, etag) {
  const field = (name, label, value, type = 'text') => h('label', { for: `edit-${name}` }, label,
    h('input', { id: `edit-${name}`, name, type, value: value ?? '' }));
  const area = (name, label, lines, rows = 4) => h('label', { for: `edit-${name}` }, label,
    h('textarea', { id: `edit-${name}`, name, rows }, (lines ?? []).join('\n')));
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'editor', 'aria-label': '编辑发言' },
    field('title', '标题', speech.title), field('subtitle', '副标题', speech.subtitle), field('committee', '单位', speech.committee),
    field('date', '日期', speech.date, 'date'),
    area('lead', '导语（每行一段）', speech.lead),
    (speech.sections ?? []).map((s, i) => h('fieldset', {}, h('legend', {}, `第${chineseNumber(s.ordinal)}部分`),
      field(`heading-${i}`, '小标题', s.heading), area(`paragraphs-${i}`, '段落（每行一段）', s.paragraphs.map((p) => p.text), 6))),
    area('outline', '提纲（每行一条）', speech.outline, 3),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, '保存'),
      h('span', { class: 'muted' }, `当前版本 ${speech.version}（If-Match: ${etag}）`)), message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = (name) => form.elements[name].value;
    const lines = (name) => value(name).split('\n').map((l) => l.trim()).filter(Boolean);
    const committeeChanged = value('committee').trim() !== speech.committee;
    const input = {
      compilationId: speech.compilationId, order: speech.order, committee: value('committee').trim(),
      speakerKind: speech.speakerKind, speakerName: speech.speakerName, title: value('title').trim(),
      subtitle: value('subtitle').trim() || null, date: value('date') || null, tocPage: speech.tocPage,
      bodyAvailable: speech.bodyAvailable, truncated: speech.truncated, lead: lines('lead'),
      sections: (speech.sections ?? []).map((s, i) => ({ ordinal: s.ordinal, heading: value(`heading-${i}`).trim(), paragraphs: lines(`paragraphs-${i}`) })),
      outline: lines('outline'),
      // a new committee is placed again by the service; otherwise the region stays as it is
      ...(committeeChanged ? {} : { region: speech.region, regionCode: speech.regionCode, level: speech.level, parentRegion: speech.parentRegion }),
    };
    try {
      const answer = await call('PUT', `/api/v1/speeches/${speech.id}`, { body: input, headers: { 'If-Match': etag } });
      put(message, h('p', { class: 'notice', role: 'status' }, `已保存为第 ${answer.data.version} 版。`));
      setTimeout(() => go(`/console/speeches/${speech.id}`, { replace: true }), 600);
    } catch (error) {
      put(message, h('p', { class: 'error', role: 'alert' }, describe(error)));
    }
  });
  return form;
}
