// 管理: import a compilation (TXT, DOCX, PDF) after its dry-run preview; curate extracted facts.
import { h, put, status, errorBox, describe, percent, sentenceWithMark, TIERS, CATEGORIES, STATUSES, go } from './dom.js';
import { call, get } from './api.js';
import { refreshCatalog } from './catalog.js';
import { factHref } from './stats.js';

export async function render(main, { view, params, isCurrent }) {
  const tabs = h('nav', { class: 'tabs', 'aria-label': '管理' },
    h('a', { href: '/console/admin', 'aria-current': view ? null : 'page' }, '导入汇编'),
    h('a', { href: '/console/admin/facts', 'aria-current': view === 'facts' ? 'page' : null }, '事实核校'));
  if (view === 'facts') {
    await facts(main, tabs, params, isCurrent);
  } else {
    importer(main, tabs);
  }
}

function importer(main, tabs) {
  const file = h('input', { id: 'import-file', type: 'file', name: 'file', accept: '.txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  const strict = h('input', { id: 'import-strict', type: 'checkbox', name: 'strict' });
  const preview = h('section', { id: 'preview', 'aria-live': 'polite' });
  const previewButton = h('button', { type: 'submit', class: 'primary', id: 'preview-button' }, '预览（试导入）');
  const form = h('form', { class: 'row', 'aria-label': '导入汇编' },
    h('label', { for: 'import-file' }, '汇编文件（TXT、DOCX 或 PDF）', file),
    h('label', { class: 'inline', for: 'import-strict' }, strict, '严格模式（遇到无法识别的内容即拒绝）'),
    previewButton);
  let previewed = null;
  file.addEventListener('change', () => { previewed = null; put(preview); });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = file.files[0];
    if (!chosen) { put(preview, h('p', { class: 'error', role: 'alert' }, '请先选择文件。')); return; }
    put(preview, status('正在试导入，不会保存任何内容…'));
    try {
      const answer = await upload(chosen, { dryRun: 'true', strict: strict.checked ? 'true' : '' });
      previewed = chosen;
      put(preview, previewView(answer.data), h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary', id: 'import-button', onclick: async (event) => {
          if (previewed !== chosen) return;
          event.target.disabled = true;
          await importNow(preview, chosen, strict.checked);
        } }, answer.data.existingCompilationId ? '已导入过，仍然提交' : '确认导入')));
    } catch (error) {
      put(preview, h('p', { class: 'error', role: 'alert' }, describe(error)),
        error.problem?.line ? h('p', {}, `第 ${error.problem.line} 行`) : null);
    }
  });
  put(main, h('h1', {}, '管理'), tabs, h('h2', {}, '导入汇编'),
    h('p', { class: 'muted' }, '先预览：试导入会显示将保存的发言、小节、警告和覆盖率，但不保存任何内容；确认后再正式导入。同一文件重复导入不会产生重复。'),
    form, preview);
}

function upload(file, query) {
  const body = new FormData();
  body.append('file', file, file.name);
  return call('POST', '/api/v1/compilations/import', { query, body });
}

async function importNow(preview, file, strict) {
  const note = h('div', { id: 'import-result', 'aria-live': 'polite' }, status('正在导入…'));
  preview.append(note);
  try {
    const answer = await upload(file, { strict: strict ? 'true' : '' });
    const compilation = answer.data;
    const id = compilation.id ?? compilation.compilation?.id;
    refreshCatalog();
    put(note, h('p', { class: 'notice', role: 'status' },
      answer.status === 201 ? `已导入：编号 ${id}，${compilation.speeches?.length ?? 0} 篇发言。` : `此汇编已导入过（编号 ${id}），未重复保存。`,
      ' ', h('a', { id: 'imported-link', href: `/console/search?compilationId=${id}` }, '在检索中查看'),
      h('span', { class: 'muted' }, '（检索和统计在数秒内随变更同步）')));
  } catch (error) {
    put(note, h('p', { class: 'error', role: 'alert' }, describe(error)));
  }
}

function previewView(p) {
  const paragraphs = (s) => (s.lead?.length ?? 0) + (s.sections ?? []).reduce((n, sec) => n + sec.paragraphs.length, 0);
  return h('div', { id: 'preview-report' },
    h('h3', {}, `试导入结果：${p.title}`),
    h('p', {}, [p.subtitle, p.meeting, p.date, p.province].filter(Boolean).join(' · ')),
    h('p', {}, h('strong', { id: 'preview-coverage' }, `覆盖率 ${percent(p.coverage)}`),
      `（原文中进入发言或封面的文字所占比例），${p.speeches.length} 篇发言，${p.warnings.length} 条警告，${p.unplaced.length} 处未归位文字。`),
    p.existingCompilationId ? h('p', { class: 'notice' }, `此文件已导入过：编号 ${p.existingCompilationId}。`) : null,
    h('div', { class: 'table-wrap' }, h('table', { id: 'preview-speeches' },
      h('caption', { class: 'muted' }, '将保存的发言'),
      h('thead', {}, h('tr', {}, ['序号', '单位', '题目', '小节', '段落', '内容'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, p.speeches.map((s) => h('tr', {},
        h('td', {}, s.order), h('td', {}, s.committee), h('th', { scope: 'row' }, s.title),
        h('td', {}, s.sections?.length ?? 0), h('td', {}, paragraphs(s)),
        h('td', {}, s.bodyAvailable ? (s.truncated ? '正文（不完整）' : '正文') : `仅提纲（${s.outline?.length ?? 0} 条）`)))))),
    p.warnings.length ? [h('h3', {}, '警告'), h('ul', { id: 'preview-warnings' }, p.warnings.map((w) => h('li', {}, `第 ${w.line} 行：${w.message}`)))] : null,
    p.unplaced.length ? [h('h3', {}, '未归位的文字'), h('ul', {}, p.unplaced.map((u) => h('li', {}, `第 ${u.fromLine}–${u.toLine} 行：${u.text}`)))] : null);
}

async function facts(main, tabs, params, isCurrent) {
  const query = { q: params.get('q') ?? '', region: params.get('region') ?? '', status: params.get('status') ?? '', page: params.get('page') ?? '0', size: 20 };
  const answer = await get('/api/v1/stats/facts', query).catch((e) => e);
  if (!isCurrent()) return;
  const q = h('input', { id: 'facts-q', name: 'q', value: query.q, type: 'search' });
  const region = h('input', { id: 'facts-region', name: 'region', value: query.region });
  const statusSelect = h('select', { id: 'facts-status', name: 'status' }, h('option', { value: '' }, '全部'),
    Object.entries(STATUSES).map(([k, v]) => h('option', { value: k, selected: k === query.status }, v)));
  const search = (page = 0) => {
    const p = new URLSearchParams({ q: q.value.trim(), region: region.value.trim(), status: statusSelect.value, page });
    for (const [k, v] of [...p]) if (!v || v === '0') p.delete(k);
    go(`/console/admin/facts${p.size ? `?${p}` : ''}`);
  };
  const form = h('form', { class: 'row', role: 'search', 'aria-label': '查找事实', onsubmit: (e) => { e.preventDefault(); search(); } },
    h('label', { for: 'facts-q' }, '句中词语', q), h('label', { for: 'facts-region' }, '地区', region),
    h('label', { for: 'facts-status' }, '状态', statusSelect), h('button', { type: 'submit', class: 'primary' }, '查找'));
  if (answer instanceof Error) {
    put(main, h('h1', {}, '管理'), tabs, form, errorBox(answer));
    return;
  }
  const page = Number(query.page) || 0;
  const pages = Math.max(1, Math.ceil(answer.total / 20));
  put(main, h('h1', {}, '管理'), tabs, h('h2', {}, '事实核校'),
    h('p', { class: 'muted' }, '从发言中抽取的数字事实。确认、更正或驳回（可附说明）；核校结果在重新抽取后仍然保留。'), form,
    h('p', { class: 'muted', role: 'status' }, `共 ${answer.total} 条，第 ${page + 1} / ${pages} 页`),
    h('ul', { class: 'facts', id: 'curation-list' }, answer.items.map(curationItem)),
    h('nav', { class: 'pager', 'aria-label': '翻页' },
      h('button', { type: 'button', disabled: page <= 0, onclick: () => search(page - 1) }, '上一页'),
      h('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => search(page + 1) }, '下一页')));
}

function curationItem(fact) {
  const li = h('li', { 'data-fact': fact.id });
  const draw = (f, message) => {
    const note = h('input', { name: 'note', 'aria-label': `核校说明（${f.subject ?? ''}）`, placeholder: '说明（可选）', size: 24 });
    const value = h('input', { name: 'value', type: 'number', step: 'any', value: f.value ?? '', 'aria-label': '数值', size: 6 });
    const unit = h('input', { name: 'unit', value: f.unit ?? '', 'aria-label': '单位', size: 3 });
    const subject = h('input', { name: 'subject', value: f.subject ?? '', 'aria-label': '计数对象', size: 10 });
    const tier = h('select', { name: 'tier', 'aria-label': '层级' }, h('option', { value: '' }, '无层级'),
      Object.entries(TIERS).map(([k, v]) => h('option', { value: k, selected: k === f.tier }, v)));
    const send = async (action) => {
      const body = { action, note: note.value.trim() || null };
      if (action === 'correct') {
        Object.assign(body, { value: value.value === '' ? null : Number(value.value), unit: unit.value.trim() || null,
          subject: subject.value.trim() || null, tier: tier.value || null });
      }
      try {
        const answer = await call('PUT', `/api/v1/stats/facts/${encodeURIComponent(f.id)}/curation`, { body });
        draw(answer.data, h('span', { class: 'notice', role: 'status' }, `已保存：${STATUSES[answer.data.status] ?? answer.data.status}`));
      } catch (error) {
        draw(f, h('span', { class: 'error', role: 'alert' }, describe(error)));
      }
    };
    put(li,
      h('strong', {}, `${f.subject ?? ''} ${f.value ?? ''}${f.unit ?? ''}`),
      h('span', { class: 'badge' }, CATEGORIES[f.category] ?? f.category), f.tier ? h('span', { class: 'badge' }, TIERS[f.tier]) : null,
      h('span', { class: 'badge status' }, STATUSES[f.status] ?? f.status),
      f.curation ? h('span', { class: 'muted' }, ` ${f.curation.by ?? ''}${f.curation.note ? `：${f.curation.note}` : ''}`) : null,
      h('p', { class: 'sentence' }, sentenceWithMark(f.sentence, f.start, f.end, f.text)),
      h('p', { class: 'meta' }, `${f.committee ?? ''} · ${f.region ?? ''} · `, h('a', { href: factHref(f) }, '查看原文段落')),
      h('div', { class: 'curate' }, note,
        h('button', { type: 'button', class: 'confirm', onclick: () => send('confirm') }, '确认'),
        h('button', { type: 'button', class: 'reject', onclick: () => send('reject') }, '驳回'),
        h('details', {}, h('summary', {}, '更正'), h('div', { class: 'curate' }, value, unit, subject, tier,
          h('button', { type: 'button', class: 'correct', onclick: () => send('correct') }, '提交更正')))),
      message ?? null);
  };
  draw(fact);
  return li;
}
