// Building the page without innerHTML: every piece of data goes in as a text node, and the only markup taken from
// the API, the search highlights' <em>…</em>, is turned into <mark> elements here.

/** h('p', {class: 'x', onclick: fn}, 'text', child, [more]) — an element; strings become text nodes. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'value' || key === 'checked' || key === 'selected') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces the children of el. */
export function put(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/** The search API's text: HTML-escaped, with the query's words between <em> and </em>. Nothing else is markup. */
export function highlighted(fragment) {
  const out = document.createDocumentFragment();
  let marked = false;
  for (const part of String(fragment ?? '').split(/(<em>|<\/em>)/)) {
    if (part === '<em>') { marked = true; continue; }
    if (part === '</em>') { marked = false; continue; }
    if (!part) continue;
    const text = part.replace(/&(lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity]);
    out.append(marked ? h('mark', {}, text) : document.createTextNode(text));
  }
  return out;
}

/** A fact's sentence with the part it was read from (start, end; or found by its text) marked. */
export function sentenceWithMark(sentence, start, end, text) {
  const s = String(sentence ?? '');
  let from = -1;
  let to = -1;
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= s.length && start < end
      && (!text || s.slice(start, end) === text)) {
    from = start; to = end;
  } else if (text && s.includes(text)) {
    from = s.indexOf(text); to = from + text.length;
  }
  if (from < 0) return document.createTextNode(s);
  return append(document.createDocumentFragment(), [s.slice(0, from), h('mark', {}, s.slice(from, to)), s.slice(to)]);
}

export const LEVELS = {
  'province': '省', 'municipality': '直辖市', 'autonomous-region': '自治区', 'prefecture-city': '地级市',
  'autonomous-prefecture': '自治州', 'prefecture': '地区', 'league': '盟', 'district': '市辖区',
  'county-level-city': '县级市', 'county': '县', 'banner': '旗',
};
export const TIERS = { city: '市级', county: '县级', township: '乡镇级', village: '村级', unspecified: '未注明层级' };
export const SPEAKER_KINDS = {
  committee: '政协委员会', party: '民主党派', federation: '工商联', sector: '界别', 'special-committee': '专门委员会',
  member: '委员个人',
};
export const CATEGORIES = {
  platform: '协商平台', member: '委员', body: '机构', staff: '人员', activity: '活动', output: '成果', economic: '经济',
  other: '其他',
};
export const STATUSES = { extracted: '待核校', confirmed: '已确认', corrected: '已更正', rejected: '已驳回' };

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 23 → 二十三 (section ordinals). */
export function chineseNumber(n) {
  if (n <= 10) return NUMERALS[n] ?? String(n);
  if (n < 20) return '十' + NUMERALS[n - 10];
  if (n < 100) return NUMERALS[Math.floor(n / 10)] + '十' + (n % 10 ? NUMERALS[n % 10] : '');
  return String(n);
}

export function percent(x) {
  return x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`;
}

export function link(href, ...children) {
  return h('a', { href }, ...children);
}

/** A status line for screen readers and eyes alike. */
export function status(text) {
  return h('p', { class: 'status', role: 'status' }, text);
}

export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, describe(error));
}

/** A problem+json answer (or a network failure) in Chinese, with the request id to quote. */
export function describe(error) {
  const problem = error?.problem;
  const words = {
    400: '请求有误', 401: '登录已失效', 403: '无权执行此操作', 404: '未找到', 409: '冲突', 410: '已删除',
    412: '内容已被他人修改，请重新加载', 413: '文件过大', 415: '文件类型不受支持', 428: '缺少版本号（If-Match）',
    429: '请求过于频繁，请稍后再试', 502: '后台服务出错', 503: '后台服务暂不可用', 504: '后台服务响应超时',
  };
  if (!error?.status) return `网络错误：${error?.message ?? error}`;
  const detail = problem?.detail ? `：${problem.detail}` : '';
  const rid = problem?.requestId ? `（请求编号 ${problem.requestId}）` : '';
  return `${error.status} ${words[error.status] ?? '出错'}${detail}${rid}`;
}

/** Offers a Blob or a URL for download under a file name. */
export function download(what, filename) {
  const url = what instanceof Blob ? URL.createObjectURL(what) : what;
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  if (what instanceof Blob) setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Moves the console to another of its pages (the router in main.js listens). */
export function go(href, { replace = false } = {}) {
  window.dispatchEvent(new CustomEvent('console:navigate', { detail: { href, replace } }));
}
