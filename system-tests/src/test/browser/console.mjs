// Drives the web console (/console/ at the gateway) in Debian's headless chromium (playwright-core, no downloaded
// browser), logging in on Keycloak's real page as reader, analyst, admin and editor:
//   reader  — a search with suggestions shows highlighted hits; a highlight opens its paragraph (#p-N, citation link);
//             no admin page, and the import API forced from the page answers 403; the page fits 390 px;
//   analyst — the dashboard's four charts render, their series equal the stats API's numbers (read from the ECharts
//             instances), a click on a bar lists its facts (= /api/v1/stats/facts), CSV is the API's CSV, PNG a PNG;
//   admin   — imports a DOCX fixture after its dry-run preview and finds it searchable; confirms a fact;
//   editor  — edits the imported speech with If-Match and sees its history.
// It also measures the first load (navigation to the login button, and to the first search results) and the bytes
// the pages load. Run by system-tests ConsoleBrowserIT. Environment (besides chromium.mjs's): SCREENSHOT_DIR,
//   IMPORT_FILE (a DOCX compilation), IMPORT_TITLE (its first speech's title), IMPORT_SPEECHES (how many speeches),
//   REPORT_FILE (where the measurements go, as JSON)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env, gateway, inChromium, logger } from './chromium.mjs';

const screenshots = env('SCREENSHOT_DIR', 'target/console-screenshots');
mkdirSync(screenshots, { recursive: true });
const importFile = env('IMPORT_FILE');
const importTitle = env('IMPORT_TITLE');
const importSpeeches = Number(env('IMPORT_SPEECHES'));
const report = { bytes: {}, firstLoadMs: {}, screenshots: [], cspViolations: [] };

const log = logger('console');
const check = (condition, message) => { if (!condition) throw new Error(message); };
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function shot(page, name, options = {}) {
  const file = path.join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, ...options });
  report.screenshots.push(file);
}

/** Bytes of every answer under /console/ while fn runs (bodies as received, before any decompression there is none). */
async function measureBytes(page, fn) {
  const sizes = new Map();
  const listener = async (response) => {
    const url = new URL(response.url());
    if (url.origin !== gateway || !url.pathname.startsWith('/console')) return;
    try { sizes.set(url.pathname, (await response.body()).length); } catch { /* redirect */ }
  };
  page.on('response', listener);
  await fn();
  await page.waitForTimeout(300);
  page.off('response', listener);
  return sizes;
}

async function login(page, username, password) {
  await page.goto(`${gateway}/console/`, { waitUntil: 'domcontentloaded' });
  await page.locator('#login').click();
  await page.waitForURL(/\/protocol\/openid-connect\/auth/, { timeout: 30_000 });
  const auth = new URL(page.url());
  check(auth.searchParams.get('client_id') === 'console', `login with client ${auth.searchParams.get('client_id')}`);
  check(auth.searchParams.get('code_challenge_method') === 'S256', `no PKCE S256 challenge in ${page.url()}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL(`${gateway}/console/**`, { timeout: 30_000 });
  await page.locator('#whoami').waitFor({ timeout: 30_000 });
  const who = await page.locator('#whoami').innerText();
  check(who.startsWith(username), `logged in as ${who}, not ${username}`);
  log(`${username}: logged in through Keycloak's page (${auth.origin}${auth.pathname}), shown as ${who}`);
}

/** A call from inside the page with the console's own token (its api.js module). */
async function api(page, method, url, options = {}) {
  return page.evaluate(async ([method, url, options]) => {
    const { call } = await import('/console/app/api.js');
    try {
      const answer = await call(method, url, options);
      return { status: answer.status, data: answer.data };
    } catch (e) {
      return { status: e.status ?? 0, data: e.problem ?? String(e) };
    }
  }, [method, url, options]);
}

async function navItems(page) {
  return page.locator('#nav a').allInnerTexts();
}

async function context(browser, viewport = { width: 1280, height: 900 }) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/.test(m.text())) report.cspViolations.push(m.text());
    if (m.type() === 'error' && !/status of 40[34]|status of 412/.test(m.text())) log(`browser console: ${m.text()}`);
  });
  return { ctx, page };
}

async function firstLoad(browser, label) {
  const { ctx, page } = await context(browser);
  try {
    const started = Date.now();
    const sizes = await measureBytes(page, async () => {
      await page.goto(`${gateway}/console/`, { waitUntil: 'load' });
      await page.locator('#login').waitFor();
    });
    const ms = Date.now() - started;
    await page.waitForFunction(() => performance.getEntriesByName('console-ready').length > 0);
    const timing = await page.evaluate(() => {
      const t = performance.getEntriesByType('navigation')[0];
      return { domContentLoaded: Math.round(t.domContentLoadedEventEnd), load: Math.round(t.loadEventEnd),
        consoleReady: Math.round(performance.getEntriesByName('console-ready')[0].startTime) };
    });
    report.firstLoadMs[label] = { wallClockUntilLoginButton: ms, ...timing };
    report.bytes.firstLoad = Object.fromEntries(sizes);
    report.bytes.firstLoadTotal = [...sizes.values()].reduce((a, b) => a + b, 0);
    log(`first load, ${label} (new browser context, empty cache, not logged in): login page drawn ${timing.consoleReady} ms after navigation start (DOMContentLoaded ${timing.domContentLoaded} ms, load ${timing.load} ms; ${ms} ms as the test's wall clock sees it), ${report.bytes.firstLoadTotal} bytes in ${sizes.size} files`);
    const csp = (await page.request.get(`${gateway}/console/`)).headers()['content-security-policy'] ?? '';
    check(/script-src 'self'(;|$)/.test(csp) && !/script-src[^;]*unsafe-inline/.test(csp), `console CSP: ${csp}`);
    report.csp = csp;
  } finally {
    await ctx.close();
  }
}

async function reader(browser) {
  const { ctx, page } = await context(browser);
  try {
    await login(page, 'reader', 'reader-dev');
    const nav = await navItems(page);
    check(same(nav, ['检索']), `reader's navigation: ${nav}`);

    // suggestions while typing, then the search
    await page.locator('#q').fill('有事');
    await page.locator('#suggestions li').first().waitFor({ timeout: 15_000 });
    const suggestions = await page.locator('#suggestions li').allInnerTexts();
    log(`reader: suggestions for 有事: ${suggestions.join(' | ')}`);
    check(suggestions.some((s) => s.includes('有事来协商')), `no 有事来协商 among ${suggestions}`);
    await page.locator('#q').fill('有事来协商');
    await page.locator('form[role=search] button[type=submit]').click();
    await page.waitForURL(/\/console\/search\?q=/);
    await page.locator('.hit').first().waitFor({ timeout: 15_000 });
    const total = await page.locator('#total').innerText();
    const marks = await page.locator('.hit mark').allInnerTexts();
    check(marks.length > 0, 'no highlighted words in the hits');
    check(marks.every((m) => '有事来协商'.includes(m) || m.includes('协商') || m.includes('有事')), `marks ${marks}`);
    const raw = await page.locator('#results').innerText();
    check(!raw.includes('<em>') && !raw.includes('&lt;'), 'highlight markup shown as text');
    const facets = await page.locator('[data-facet=region] button').count();
    check(facets > 0, 'no region facet');
    log(`reader: ${total}; ${marks.length} highlighted words; ${facets} regions as filters`);
    const apiTotal = (await api(page, 'GET', '/api/v1/search?q=%E6%9C%89%E4%BA%8B%E6%9D%A5%E5%8D%8F%E5%95%86&size=1')).data.total;
    check(total.includes(`共 ${apiTotal} 篇`), `total shown ${total}, the API says ${apiTotal}`);

    // paging over everything (no query): the total, then the second page
    await page.goto(`${gateway}/console/search`);
    await page.locator('.hit').first().waitFor({ timeout: 15_000 });
    const all = (await api(page, 'GET', '/api/v1/search?size=1')).data.total;
    check((await page.locator('#total').innerText()).includes(`共 ${all} 篇`), `the browse total is not ${all}`);
    if (all > 10) {
      await page.locator('#next-page').click();
      await page.waitForURL(/page=1/);
      await page.locator('#total', { hasText: '第 2 /' }).waitFor({ timeout: 15_000 });
      const second = await page.locator('.hit').count();
      check(second === Math.min(10, all - 10), `page 2 shows ${second} hits of ${all}`);
      log(`reader: ${all} speeches in all, page 2 shows ${second}`);
      await page.goBack();
    }
    await page.goto(`${gateway}/console/search?q=${encodeURIComponent('有事来协商')}`);
    await page.locator('.hit').first().waitFor({ timeout: 15_000 });

    // a facet narrows the hits
    await page.locator('[data-facet=region] button').first().click();
    await page.waitForURL(/region=/);
    await page.locator('.chips button').first().waitFor();
    await page.locator('.hit').first().waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    check(overflow <= 390, `the search page is ${overflow} px wide at 390 px`);
    await shot(page, 'console-reader-search-390', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goBack();
    await page.locator('.hit').first().waitFor();
    await shot(page, 'console-reader-search');

    // a highlight in a paragraph opens that paragraph
    const passage = page.locator('.hit a.passage[href*="field=paragraph"]').first();
    await passage.waitFor();
    await passage.click();
    await page.waitForURL(/\/console\/speeches\/\d+#p-\d+$/, { timeout: 15_000 });
    const cited = page.locator('.para.cited');
    await cited.waitFor();
    const citedText = await cited.innerText();
    check(citedText.includes('有事来协商') || citedText.includes('协商'), `the cited paragraph does not hold the words: ${citedText}`);
    const citation = await cited.locator('button.cite').getAttribute('data-link');
    check(citation === page.url(), `citation link ${citation} is not the page's ${page.url()}`);
    await shot(page, 'console-reader-paragraph', { fullPage: false });
    log(`reader: the highlight opened ${page.url().replace(gateway, '')}`);
    await page.locator('#similar-title + ul li, #similar-title + p').first().waitFor({ timeout: 15_000 });

    // an outline-only speech shows its outline
    const outlineOnly = (await api(page, 'GET', '/api/v1/speeches?bodyAvailable=false&size=1')).data.items?.[0];
    if (outlineOnly) {
      await page.goto(`${gateway}/console/speeches/${outlineOnly.id}`);
      await page.locator('ol.outline li').first().waitFor({ timeout: 15_000 });
    }

    // no admin page for a reader, and the API refuses what the page would have called
    await page.goto(`${gateway}/console/admin`);
    await page.locator('[data-forbidden]').waitFor({ timeout: 15_000 });
    check(await page.locator('#import-file').count() === 0, 'a reader sees the import form');
    const forced = await page.evaluate(async () => {
      const { call } = await import('/console/app/api.js');
      const body = new FormData();
      body.append('file', new Blob(['1.政协某市委员会:\n题目\n'], { type: 'text/plain' }), 'x.txt');
      try { await call('POST', '/api/v1/compilations/import', { query: { dryRun: 'true' }, body }); return 200; } catch (e) { return e.status; }
    });
    check(forced === 403, `a reader's forced import answered ${forced}`);
    const stats = await api(page, 'GET', '/api/v1/stats/platforms?size=100');
    check(stats.status === 403, `a reader's stats call answered ${stats.status}`);
    await shot(page, 'console-reader-admin-refused', { fullPage: false });
    log('reader: no admin page; the forced import answered 403, the stats 403');

    // logout ends the Keycloak session
    await page.goto(`${gateway}/console/search`);
    await page.locator('#logout').click();
    await page.waitForURL(`${gateway}/console/`, { timeout: 30_000 });
    await page.locator('#login').waitFor({ timeout: 30_000 });
    log('reader: logged out');
  } catch (e) {
    await shot(page, 'console-reader-failure').catch(() => {});
    throw e;
  } finally {
    await ctx.close();
  }
}

/** Region sums as the dashboard should draw them, computed here from the API's rows. */
function expectedPlatforms(answer) {
  const regions = [];
  const sums = {};
  for (const row of answer.regions) {
    if (!(row.region in sums)) { regions.push(row.region); sums[row.region] = {}; }
    for (const [tier, n] of Object.entries(row.tiers)) sums[row.region][tier] = (sums[row.region][tier] ?? 0) + n;
  }
  return { regions, sums };
}

async function chartOption(page, id) {
  return page.evaluate((id) => {
    const chart = window.echarts.getInstanceByDom(document.getElementById(`chart-${id}`));
    if (!chart) return null;
    const option = chart.getOption();
    return { categories: option.xAxis[0].data, series: option.series.map((s) => ({ id: s.id, name: s.name, data: s.data })) };
  }, id);
}

async function analyst(browser) {
  const { ctx, page } = await context(browser);
  try {
    await login(page, 'analyst', 'analyst-dev');
    const nav = await navItems(page);
    check(same(nav, ['检索', '统计']), `analyst's navigation: ${nav}`);
    const sizes = await measureBytes(page, async () => {
      await page.locator('#nav a', { hasText: '统计' }).click();
      await page.waitForFunction(() => ['platforms', 'members', 'coverage', 'topics']
        .every((id) => document.getElementById(`chart-${id}`) && window.echarts?.getInstanceByDom(document.getElementById(`chart-${id}`))), null, { timeout: 30_000 });
    });
    report.bytes.dashboard = Object.fromEntries(sizes);
    report.bytes.dashboardTotal = [...sizes.values()].reduce((a, b) => a + b, 0);

    // platforms: regions × tiers
    const platforms = (await api(page, 'GET', '/api/v1/stats/platforms?size=100')).data;
    const want = expectedPlatforms(platforms);
    const got = await chartOption(page, 'platforms');
    check(same(got.categories, want.regions), `platform regions ${got.categories} ≠ ${want.regions}`);
    let bars = 0;
    for (const s of got.series) {
      const expected = want.regions.map((r) => want.sums[r][s.id] ?? 0);
      check(same(s.data, expected), `platforms ${s.id}: chart ${s.data} ≠ API ${expected}`);
      bars += expected.filter((v) => v > 0).length;
    }
    const chartTotal = got.series.flatMap((s) => s.data).reduce((a, b) => a + b, 0);
    check(chartTotal === platforms.totals.all, `the platform chart sums to ${chartTotal}, totals.all is ${platforms.totals.all}`);
    log(`analyst: platform chart = API (${want.regions.length} regions, ${got.series.length} tiers, ${bars} bars, ${chartTotal} platforms)`);

    // members and coverage per region
    const members = (await api(page, 'GET', '/api/v1/stats/members?size=100')).data;
    const m = await chartOption(page, 'members');
    const byRegion = {};
    for (const row of members.regions) (byRegion[row.region] ??= []).push(row);
    check(same(m.categories, Object.keys(byRegion)), `member regions ${m.categories}`);
    check(same(m.series[0].data, m.categories.map((r) => byRegion[r].reduce((a, row) => a + row.members, 0))), `members ${m.series[0].data}`);
    m.categories.forEach((r, i) => {
      const rows = byRegion[r];
      if (rows.length === 1 && rows[0].coverage !== null) {
        check(Math.abs(m.series[1].data[i] - rows[0].coverage * 100) < 0.05, `coverage of ${r}: ${m.series[1].data[i]} vs ${rows[0].coverage}`);
      }
    });
    check(m.series[0].data.reduce((a, b) => a + b, 0) === members.totals.members, 'members do not add up to totals.members');
    log(`analyst: member chart = API (${m.categories.length} regions, ${members.totals.members} members)`);

    // committee coverage by level against the gazetteer
    const coverage = (await api(page, 'GET', '/api/v1/stats/coverage')).data;
    const c = await chartOption(page, 'coverage');
    const divisions = coverage.provinces.flatMap((p) => [p.prefectureLevel.divisions, p.countyLevel.divisions]);
    const represented = coverage.provinces.flatMap((p) => [p.prefectureLevel.represented, p.countyLevel.represented]);
    check(same(c.series.find((s) => s.id === 'divisions').data, divisions), `divisions ${c.series[0].data} ≠ ${divisions}`);
    check(same(c.series.find((s) => s.id === 'represented').data, represented), `represented ≠ ${represented}`);
    log(`analyst: coverage chart = API (${c.categories.join(', ')}: ${represented.join('/')} of ${divisions.join('/')})`);

    // topic mentions for typed terms
    await page.locator('#terms').fill('有事来协商,提案');
    await page.locator('#terms').press('Enter');
    await page.waitForURL(/terms=/);
    await page.waitForFunction(() => {
      const el = document.getElementById('chart-topics');
      const chart = el && window.echarts?.getInstanceByDom(el);
      return chart && chart.getOption().series.length === 2;
    }, null, { timeout: 30_000 });
    const topics = (await api(page, 'GET', '/api/v1/stats/topics?terms=' + encodeURIComponent('有事来协商,提案'))).data;
    const t = await chartOption(page, 'topics');
    for (const term of topics.terms) {
      const s = t.series.find((x) => x.id === term.term);
      check(s && same(s.data, t.categories.map((r) => term.regions[r] ?? 0)), `topic ${term.term}: ${s?.data}`);
      check(s.data.reduce((a, b) => a + b, 0) === Object.values(term.regions).reduce((a, b) => a + b, 0), `topic ${term.term} regions missing`);
    }
    log(`analyst: topic chart = API (${topics.terms.map((x) => `${x.term} ${x.mentions}`).join(', ')})`);
    await shot(page, 'console-analyst-stats');

    // a click on a platform bar lists its facts
    const p2 = await chartOption(page, 'platforms');
    const seriesIndex = p2.series.findIndex((s) => s.data.some((v) => v > 0));
    const index = p2.series[seriesIndex].data.findIndex((v) => v > 0);
    const below = p2.series.slice(0, seriesIndex).reduce((a, s) => a + s.data[index], 0);
    const value = p2.series[seriesIndex].data[index];
    const point = await page.evaluate(([x, y, seriesIndex]) => {
      const el = document.getElementById('chart-platforms');
      el.scrollIntoView({ block: 'center' });
      const [px, py] = window.echarts.getInstanceByDom(el).convertToPixel({ seriesIndex }, [x, y]);
      const box = el.getBoundingClientRect();
      return { x: box.left + px, y: box.top + py };
    }, [index, below + value / 2, seriesIndex]);
    await page.mouse.click(point.x, point.y);
    await page.locator('#drill-facts').waitFor({ timeout: 15_000 });
    const region = p2.categories[index];
    const tier = p2.series[seriesIndex].id;
    const facts = (await api(page, 'GET', `/api/v1/stats/facts?category=platform&tier=${tier}&region=${encodeURIComponent(region)}&size=100`)).data;
    const listed = await page.locator('#drill-facts li').count();
    check(listed === facts.total && listed > 0, `the bar ${region}/${tier} lists ${listed} facts, the API ${facts.total}`);
    const listedSum = facts.items.reduce((a, f) => a + f.value, 0);
    check(listed === 0 || await page.locator('#drill-facts li mark').count() === listed, 'a fact without its marked sentence part');
    const href = await page.locator('#drill-facts a.source').first().getAttribute('href');
    check(/^\/console\/speeches\/\d+#p-(lead-)?\d+$/.test(href), `fact link ${href}`);
    log(`analyst: the bar ${region} / ${tier} (${value}) lists ${listed} facts (their values add to ${listedSum}); first links to ${href}`);
    await shot(page, 'console-analyst-facts');
    await page.locator('#drill-facts a.source').first().click();
    await page.waitForURL(new RegExp(href.replace(/[?#]/g, '\\$&') + '$'));
    await page.locator('.para.cited').waitFor({ timeout: 15_000 });
    const para = await page.locator('.para.cited').innerText();
    check(para.includes(facts.items[0].text) || para.includes(facts.items.find((f) => href.endsWith(f.paragraphId))?.text ?? '\u0000'), `the paragraph does not hold the fact: ${para}`);
    await page.goBack();
    await page.waitForFunction(() => document.getElementById('chart-platforms') && window.echarts?.getInstanceByDom(document.getElementById('chart-platforms')), null, { timeout: 30_000 });

    // CSV is the API's CSV; PNG is a PNG
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#card-platforms button.csv').click()]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    const apiCsv = (await api(page, 'GET', '/api/v1/stats/platforms', { accept: 'text/csv' })).data;
    check(csvText === apiCsv && csvText.startsWith('region,'), `downloaded CSV differs from the API's: ${csvText.slice(0, 80)}`);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#card-members button.png').click()]);
    const pngBytes = readFileSync(await png.path());
    check(png.suggestedFilename() === 'members.png' && pngBytes.subarray(1, 4).toString() === 'PNG', `PNG download ${png.suggestedFilename()}`);
    log(`analyst: CSV download = the API's CSV (${csvText.split('\n').length - 1} lines); PNG ${pngBytes.length} bytes`);

    // the filters: one region
    await page.locator('#stats-region').selectOption(region);
    await page.waitForURL(/region=/);
    await page.waitForFunction((r) => {
      const el = document.getElementById('chart-platforms');
      const chart = el && window.echarts?.getInstanceByDom(el);
      return chart && JSON.stringify(chart.getOption().xAxis[0].data) === JSON.stringify([r]);
    }, region, { timeout: 30_000 });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    check(overflow <= 390, `the dashboard is ${overflow} px wide at 390 px`);
    await shot(page, 'console-analyst-stats-390', { fullPage: false });
    check(await api(page, 'GET', '/api/v1/compilations').then((r) => r.status) === 200, 'an analyst cannot read');
  } catch (e) {
    await shot(page, 'console-analyst-failure').catch(() => {});
    throw e;
  } finally {
    await ctx.close();
  }
}

async function admin(browser) {
  const { ctx, page } = await context(browser);
  try {
    await login(page, 'admin', 'admin-dev');
    const nav = await navItems(page);
    check(same(nav, ['检索', '统计', '管理']), `admin's navigation: ${nav}`);
    await page.locator('#nav a', { hasText: '管理' }).click();
    const before = (await api(page, 'GET', '/api/v1/compilations?size=100')).data.total;
    await page.locator('#import-file').setInputFiles(importFile);
    await page.locator('#preview-button').click();
    await page.locator('#preview-report').waitFor({ timeout: 30_000 });
    const rows = await page.locator('#preview-speeches tbody tr').count();
    check(rows === importSpeeches, `the preview lists ${rows} speeches, the fixture has ${importSpeeches}`);
    check((await page.locator('#preview-speeches').innerText()).includes(importTitle), 'the preview does not show the title');
    const coverageText = await page.locator('#preview-coverage').innerText();
    const after = (await api(page, 'GET', '/api/v1/compilations?size=100')).data.total;
    check(after === before, `the preview stored something: ${before} → ${after} compilations`);
    await shot(page, 'console-admin-preview');
    log(`admin: preview of ${path.basename(importFile)}: ${rows} speeches, ${coverageText}; nothing stored`);
    await page.locator('#import-button').click();
    await page.locator('#import-result .notice').waitFor({ timeout: 60_000 });
    log(`admin: ${await page.locator('#import-result .notice').innerText()}`);
    await page.locator('#imported-link').click();
    await page.waitForURL(/compilationId=\d+/);
    const searchUrl = page.url();
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.locator('#total').waitFor({ timeout: 15_000 });
      found = (await page.locator('.hit h3').allInnerTexts()).some((t) => t.startsWith(importTitle));
      if (!found) { await page.waitForTimeout(1000); await page.goto(searchUrl); }
    }
    check(found, `"${importTitle}" is not searchable after the import`);
    await shot(page, 'console-admin-imported-search');
    log(`admin: the imported compilation is searchable (${await page.locator('#total').innerText()})`);

    // fact curation: confirm one with a note
    await page.goto(`${gateway}/console/admin/facts?q=${encodeURIComponent('协商平台')}`);
    const first = page.locator('#curation-list li').first();
    await first.waitFor({ timeout: 15_000 });
    const factId = await first.getAttribute('data-fact');
    await first.locator('input[name=note]').fill('控制台浏览器测试：核对原文无误');
    await first.locator('button.confirm').click();
    await page.locator(`#curation-list li[data-fact="${factId}"] .notice`).waitFor({ timeout: 15_000 });
    const fact = (await api(page, 'GET', `/api/v1/stats/facts/${encodeURIComponent(factId)}`)).data;
    check(fact.status === 'confirmed' && fact.curation?.note === '控制台浏览器测试：核对原文无误', `fact ${factId} after confirm: ${JSON.stringify(fact).slice(0, 200)}`);
    await shot(page, 'console-admin-curation', { fullPage: false });
    log(`admin: confirmed fact ${factId} with a note`);
    return (await api(page, 'GET', `/api/v1/search?q=${encodeURIComponent(importTitle)}&size=1`)).data.hits[0]?.speechId;
  } catch (e) {
    await shot(page, 'console-admin-failure').catch(() => {});
    throw e;
  } finally {
    await ctx.close();
  }
}

async function editor(browser, speechId) {
  const { ctx, page } = await context(browser);
  try {
    await login(page, 'editor', 'editor-dev');
    const nav = await navItems(page);
    check(same(nav, ['检索']), `editor's navigation: ${nav}`);
    await page.goto(`${gateway}/console/speeches/${speechId}`);
    await page.locator('#edit').click();
    const title = page.locator('#edit-title');
    const old = await title.inputValue();
    await title.fill(`${old}（控制台修订）`);
    await page.locator('form.editor button[type=submit]').click();
    const saved = await page.locator('form.editor .notice').innerText({ timeout: 15_000 });
    const version = saved.match(/第 (\d+) 版/)?.[1];
    check(version && Number(version) >= 2, `saving answered: ${saved}`);
    await page.locator('#speech-title', { hasText: '（控制台修订）' }).waitFor({ timeout: 15_000 });
    await page.locator('ol.history li', { hasText: `第 ${version} 版` }).waitFor({ timeout: 15_000 });
    const history = await page.locator('ol.history li').allInnerTexts();
    check(history.some((h) => h.includes(`第 ${version} 版`) && h.includes('editor')), `the history does not name the editor: ${history}`);
    await shot(page, 'console-editor-history');
    log(`editor: saved speech ${speechId} with If-Match; history: ${history.join(' | ')}`);
    // a stale ETag is refused with 412
    const stale = await page.evaluate(async (id) => {
      const { call } = await import('/console/app/api.js');
      const s = (await call('GET', `/api/v1/speeches/${id}`)).data;
      const body = { compilationId: s.compilationId, order: s.order, committee: s.committee, title: s.title, bodyAvailable: s.bodyAvailable };
      try { await call('PUT', `/api/v1/speeches/${id}`, { body, headers: { 'If-Match': `"${id}-v1"` } }); return 200; } catch (e) { return e.status; }
    }, speechId);
    check(stale === 412, `a stale If-Match answered ${stale}`);
    const importRefused = await api(page, 'POST', '/api/v1/search/index/rebuild');
    check(importRefused.status === 403, `an editor's reindex answered ${importRefused.status}`);
  } catch (e) {
    await shot(page, 'console-editor-failure').catch(() => {});
    throw e;
  } finally {
    await ctx.close();
  }
}

async function searchFirstLoad(browser) {
  // a logged-in user opens a search link in a new tab: the page, keycloak-js, Keycloak's check-sso round trip, the search
  const { ctx, page } = await context(browser);
  try {
    await login(page, 'reader', 'reader-dev');
    const started = Date.now();
    await page.goto(`${gateway}/console/search?q=${encodeURIComponent('协商')}`, { waitUntil: 'commit' });
    await page.locator('.hit').first().waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => performance.getEntriesByName('console-ready').length > 0);
    const ready = await page.evaluate(() => Math.round(performance.getEntriesByName('console-ready')[0].startTime));
    report.firstLoadMs.searchResultsLoggedIn = { wallClock: Date.now() - started, consoleReadyAfterCheckSso: ready };
    log(`search link opened while logged in: hits after ${Date.now() - started} ms as the test sees it (Keycloak's check-sso round trip included; the page after it drew the hits ${ready} ms after its navigation start)`);
  } finally {
    await ctx.close();
  }
}

await inChromium('console', async (browser) => {
  await firstLoad(browser, 'coldBrowser');
  await firstLoad(browser, 'warmBrowser');
  await reader(browser);
  await analyst(browser);
  const speechId = await admin(browser);
  check(speechId, 'no speech id for the imported title');
  await editor(browser, speechId);
  await searchFirstLoad(browser);
  check(report.cspViolations.length === 0, `the Content-Security-Policy refused: ${report.cspViolations.join(' | ')}`);
  log('passed (no Content-Security-Policy violation)');
}, { finally: async () => writeFileSync(env('REPORT_FILE', path.join(screenshots, 'console-report.json')), JSON.stringify(report, null, 2)) });
