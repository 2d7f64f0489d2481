/*
 * Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, in a fresh
 * profile; console errors of the page are collected so tests can assert there are none.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const EXECUTABLE = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function launchBrowser() {
  if (!fs.existsSync(EXECUTABLE)) {
    throw new Error(`Chromium not found at ${EXECUTABLE} (set CHROMIUM_PATH)`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbp-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLE,
    headless: true,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const consoleErrors = [];
  const failedRequests = [];
  const watch = page => {
    page.on('console', message => {
      if (message.type() === 'error') {
        consoleErrors.push(`${page.url()}: ${message.text()}`);
      }
    });
    page.on('pageerror', error =>
      consoleErrors.push(`${page.url()}: ${error.stack ?? error.message}`),
    );
    page.on('response', response => {
      if (response.status() >= 400) {
        failedRequests.push(
          `${response.status()} ${response
            .request()
            .method()} ${response.url()}`,
        );
      }
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    consoleErrors,
    failedRequests,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` and waits for `ready` (a locator). The demo's guest session does not
 * survive a full page load, so when the sign-in page shows instead, enter as guest.
 */
async function gotoSignedIn(page, url, ready, timeout = 120_000) {
  await page.goto(url);
  const enter = page.getByRole('button', { name: /^enter$/i });
  const first = await Promise.race([
    ready.waitFor({ timeout }).then(() => 'ready'),
    enter.waitFor({ timeout }).then(() => 'sign-in'),
  ]);
  if (first === 'sign-in') {
    await enter.click();
    await ready.waitFor({ timeout });
  }
}

/** Signs in through the guest provider of the demo's sign-in page. */
async function signInAsGuest(page, appUrl) {
  await page.goto(appUrl);
  const enter = page.getByRole('button', { name: /^enter$/i });
  await enter.waitFor({ timeout: 120_000 });
  await enter.click();
  await enter.waitFor({ state: 'detached', timeout: 60_000 });
}

module.exports = { launchBrowser, gotoSignedIn, signInAsGuest };
