// What the browser scripts share: their environment, Debian's headless chromium driven by playwright-core (no
// downloaded browser), and a log line format. Every script gets GATEWAY_URL, NODE_MODULES (holding playwright-core)
// and CHROMIUM_BIN (default /usr/bin/chromium) from system-tests' BrowserScript.
import { createRequire } from 'node:module';
import path from 'node:path';

export const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

export const gateway = env('GATEWAY_URL').replace(/\/$/, '');

export const logger = (name) => (...args) => console.log(`[${name}] ${new Date().toISOString().slice(11, 19)}`, ...args);

/** Runs scenarios(browser) in one headless chromium; a failure is printed and makes the script exit with 1. */
export async function inChromium(name, scenarios, { finally: finish = async () => {} } = {}) {
  const require = createRequire(path.join(env('NODE_MODULES'), 'noop.js'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: env('CHROMIUM_BIN', '/usr/bin/chromium'),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    logger(name)(`chromium ${browser.version()}, gateway ${gateway}`);
    await scenarios(browser);
  } catch (e) {
    console.error(`[${name}] FAILED: ${e.stack ?? e}`);
    process.exitCode = 1;
  } finally {
    await finish();
    await browser.close();
  }
}
