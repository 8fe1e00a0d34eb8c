// Drives the gateway's Swagger UI in Debian's headless chromium (playwright-core, no downloaded browser):
// Authorize → Keycloak login page (authorization code + PKCE) → import a one-speech compilation through
// the importCompilation operation's "Try it out" form → read it back with the token Swagger UI obtained.
// As admin the import succeeds (201 or 200); as reader it is refused with 403.
// Run by system-tests SwaggerUiBrowserIT. Environment (besides chromium.mjs's):
//   SCREENSHOT_DIR   where the screenshots go
//   COMPILATION_FILE the UTF-8 text to import; EXPECTED_TITLE the title of its one speech
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { env, gateway, inChromium, logger } from './chromium.mjs';

const screenshots = env('SCREENSHOT_DIR', 'target/screenshots');
mkdirSync(screenshots, { recursive: true });
const log = logger('swagger-ui');

// A one-speech compilation cut from the seed (bookmark, outline, table of contents and body of speech 1).
const compilation = readFileSync(env('COMPILATION_FILE'), 'utf8');
const expectedTitle = env('EXPECTED_TITLE');

async function loginThroughSwaggerUi(page, username, password) {
  await page.goto(`${gateway}/q/swagger-ui/`, { waitUntil: 'domcontentloaded' });
  await page.locator('.btn.authorize').first().click();
  const flow = page.locator('.auth-container').filter({ hasText: 'authorizationCode' }).first();
  await flow.waitFor();
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    flow.locator('button.authorize').click(),
  ]);
  await popup.waitForLoadState('domcontentloaded');
  if (!popup.url().includes('/protocol/openid-connect/auth')) {
    throw new Error(`Authorize opened ${popup.url()}, not Keycloak's login page`);
  }
  const authUrl = new URL(popup.url());
  if (authUrl.searchParams.get('code_challenge_method') !== 'S256') {
    throw new Error(`no PKCE S256 challenge in ${popup.url()}`);
  }
  log(`${username}: Keycloak login page ${authUrl.origin}${authUrl.pathname}`);
  await popup.locator('#username').fill(username);
  await popup.locator('#password').fill(password);
  await Promise.all([popup.waitForEvent('close', { timeout: 30_000 }), popup.locator('#kc-login').click()]);
  // Swagger UI exchanges the code for a token and then shows Logout in the flow's container.
  await flow.locator('button', { hasText: 'Logout' }).waitFor({ timeout: 30_000 });
  const token = await page.evaluate(() => window.ui.authSelectors.authorized().toJS().oauth2?.token?.access_token);
  if (!token) throw new Error('Swagger UI holds no access token after the login');
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  log(`${username}: authorized as ${claims.preferred_username}, roles ${JSON.stringify(claims.realm_access?.roles ?? [])}`);
  if (claims.preferred_username !== username) throw new Error(`token is for ${claims.preferred_username}`);
  await page.locator('.modal-ux .close-modal').first().click();
  return token;
}

async function importThroughTryItOut(page, who) {
  const op = page.locator('#operations-compilations-importCompilation');
  await op.scrollIntoViewIfNeeded();
  if (!(await op.locator('.try-out__btn').isVisible())) await op.locator('.opblock-summary').click();
  await op.locator('.try-out__btn').click();
  const contentType = op.locator('.opblock-section-request-body select').first();
  if (await contentType.count()) await contentType.selectOption('text/plain');
  await op.locator('textarea.body-param__text').fill(compilation);
  await op.locator('button.execute').click();
  const status = op.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ timeout: 60_000 });
  const code = Number((await status.innerText()).trim());
  const body = (await op.locator('.live-responses-table .response-col_description pre').first().innerText()).trim();
  await op.scrollIntoViewIfNeeded();
  return { code, body };
}

async function getJson(page, token, url) {
  return page.evaluate(async ([url, token]) => {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    return { status: response.status, body: await response.text() };
  }, [url, token]);
}

async function scenario(browser, username, password, expectImport) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`${username}: page error: ${e.message}`));
  try {
    const token = await loginThroughSwaggerUi(page, username, password);
    const { code, body } = await importThroughTryItOut(page, username);
    log(`${username}: import answered ${code}`);
    await page.screenshot({ path: path.join(screenshots, `swagger-ui-${username}-import.png`), fullPage: false });
    if (expectImport) {
      if (code !== 201 && code !== 200) throw new Error(`${username}: import answered ${code}: ${body}`);
      const imported = JSON.parse(body);
      const id = imported.id ?? imported.compilation?.id;
      if (!id) throw new Error(`${username}: no compilation id in ${body}`);
      const read = await getJson(page, token, `${gateway}/api/v1/compilations/${id}`);
      if (read.status !== 200) throw new Error(`${username}: reading compilation ${id} back answered ${read.status}: ${read.body}`);
      const detail = JSON.parse(read.body);
      const titles = (detail.speeches ?? []).map((s) => s.title);
      if (detail.id !== id || titles.length !== 1 || titles[0] !== expectedTitle) {
        throw new Error(`${username}: compilation ${id} read back as ${read.body}`);
      }
      log(`${username}: read compilation ${id} back: ${(detail.speeches ?? []).length} speech(es), title ${detail.title}`);
    } else {
      if (code !== 403) throw new Error(`${username}: import answered ${code}, expected 403: ${body}`);
      if (!body.includes('"status"')) throw new Error(`${username}: 403 is not problem+json: ${body}`);
      const read = await getJson(page, token, `${gateway}/api/v1/compilations`);
      if (read.status !== 200) throw new Error(`${username}: listing compilations answered ${read.status}`);
      log(`${username}: import refused with 403, reading still allowed`);
    }
  } catch (e) {
    await page.screenshot({ path: path.join(screenshots, `swagger-ui-${username}-failure.png`), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

await inChromium('swagger-ui', async (browser) => {
  await scenario(browser, 'admin', 'admin-dev', true);
  await scenario(browser, 'reader', 'reader-dev', false);
  log('passed');
});
