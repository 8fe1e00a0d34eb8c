// The console's shell: login, the navigation the user's roles allow, and a small router over /console/... paths
// (History API; every such path is served this page by the gateway, so links can be copied and reloaded).
import { h, put, status, errorBox } from './dom.js';
import { start, login, logout, user, hasRole } from './auth.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const userBox = document.getElementById('user');

/** Path pattern → role needed, page title, module and view name. */
const ROUTES = [
  { pattern: /^\/console\/(search)?$/, role: 'reader', title: '检索', load: () => import('./search.js'), nav: '/console/search' },
  { pattern: /^\/console\/speeches\/(\d+)$/, role: 'reader', title: '发言', load: () => import('./speech.js') },
  { pattern: /^\/console\/stats$/, role: 'analyst', title: '统计', load: () => import('./stats.js'), nav: '/console/stats' },
  { pattern: /^\/console\/admin$/, role: 'admin', title: '管理', load: () => import('./admin.js'), nav: '/console/admin' },
  { pattern: /^\/console\/admin\/facts$/, role: 'admin', title: '事实核校', load: () => import('./admin.js'), view: 'facts' },
];
const ROLE_NAMES = { reader: '读者', analyst: '分析员', editor: '编辑', admin: '管理员' };

let generation = 0;

async function render() {
  const mine = ++generation;
  const path = location.pathname;
  const route = ROUTES.find((r) => r.pattern.test(path));
  drawNav(path);
  if (!route) {
    put(main, h('h1', {}, '未找到此页面'), h('p', {}, h('a', { href: '/console/' }, '返回检索')));
    return;
  }
  document.title = `${route.title} · 政协发言材料库`;
  if (!hasRole(route.role)) {
    // The page is not drawn at all; the API would refuse its calls anyway (403).
    put(main, h('h1', {}, '无权访问'),
      h('p', { class: 'error', role: 'alert', 'data-forbidden': route.role },
        `“${route.title}”需要${ROLE_NAMES[route.role]}（${route.role}）角色，您的账号没有此角色。`),
      h('p', {}, h('a', { href: '/console/' }, '返回检索')));
    return;
  }
  put(main, status('正在加载…'));
  try {
    const module = await route.load();
    if (mine !== generation) return;
    const match = path.match(route.pattern);
    await module.render(main, { match, params: new URLSearchParams(location.search), view: route.view, isCurrent: () => mine === generation });
  } catch (e) {
    if (mine === generation) put(main, errorBox(e));
    console.error(e);
  }
}

function drawNav(path) {
  const items = [
    { href: '/console/search', label: '检索', role: 'reader', active: /^\/console\/(search|speeches\/.*)?$/ },
    { href: '/console/stats', label: '统计', role: 'analyst', active: /^\/console\/stats/ },
    { href: '/console/admin', label: '管理', role: 'admin', active: /^\/console\/admin/ },
  ].filter((item) => hasRole(item.role));
  put(nav, items.map((item) => h('a', { href: item.href, 'aria-current': item.active.test(path) ? 'page' : null }, item.label)));
}

export function navigate(href, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  render().then(() => main.focus({ preventScroll: true }));
}

document.addEventListener('click', (event) => {
  const a = event.target.closest?.('a[href]');
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || a.hasAttribute('download') || a.target) return;
  const target = new URL(a.href, location.href);
  if (target.origin !== location.origin || !target.pathname.startsWith('/console/')) return;
  if (target.pathname === location.pathname && target.search === location.search && target.hash) return; // in-page
  event.preventDefault();
  navigate(target.pathname + target.search + target.hash);
});
window.addEventListener('popstate', () => render());
window.addEventListener('console:navigate', (e) => navigate(e.detail.href, e.detail));

async function boot() {
  let authenticated;
  try {
    authenticated = await start();
  } catch (e) {
    put(main, h('p', { class: 'error', role: 'alert' }, `无法连接统一身份认证（Keycloak）：${e?.message ?? e}`));
    return;
  }
  if (!authenticated) {
    put(nav);
    put(main, h('section', { class: 'login' },
      h('h1', {}, '政协发言材料库'),
      h('p', {}, '检索各级政协的发言材料，查看统计并追溯到原文。请先登录。'),
      h('button', { class: 'primary', id: 'login', type: 'button', onclick: () => login() }, '登录')));
    performance.mark('console-ready');
    return;
  }
  const me = user();
  const roles = me.roles.filter((r) => ROLE_NAMES[r]).map((r) => ROLE_NAMES[r]).join('、');
  put(userBox, h('span', { id: 'whoami' }, `${me.name}（${roles || '无角色'}）`),
    h('button', { type: 'button', id: 'logout', onclick: () => logout() }, '退出'));
  if (location.pathname === '/console' || location.pathname === '/console/') {
    history.replaceState(null, '', `/console/search${location.search}${location.hash}`);
  }
  await render();
  performance.mark('console-ready'); // the first page drawn (measured by the browser test)
}

boot();
