/*
 * Browser tests against the demo `yarn start` runs: the org scorecard, an owner filter,
 * the CSV export, a service's tab and one evidence link followed to the file's lines.
 * Run with `node e2e/run.js`; screenshots go to artifacts/screenshots/.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, test } = require('node:test');
const { ARTIFACTS } = require('./lib/demo');
const { gotoSignedIn } = require('./lib/browser');
const { waitFor } = require('./lib/processes');
const { openSession } = require('./lib/session');
const { assertNoErrorsOfOurs } = require('./lib/consoleCheck');

const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');
const SCANS_TIMEOUT_MS = 5 * 60_000;

let session;
let demo;
let browser;
let page;

async function openOrgPage(search = '') {
  await gotoSignedIn(
    page,
    `${demo.appUrl}/go-build-policy${search}`,
    page.getByRole('table', { name: 'Services' }),
  );
}

/** Rows of the services table, as the text of their cells. */
async function serviceRows() {
  return page
    .getByRole('table', { name: 'Services' })
    .locator('tbody tr')
    .evaluateAll(rows =>
      rows.map(r => [...r.querySelectorAll('td')].map(td => td.textContent)),
    );
}

before(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  session = await openSession({ logPrefix: 'e2e-demo' });
  ({ demo, browser, page } = session);
});

after(async () => {
  await session?.close();
});

test('the org scorecard shows scanned services and headline figures', async () => {
  // The first scans start a second after the backend; wait for scores to land.
  await waitFor(
    'scores on the org page',
    async () => {
      await openOrgPage('?sort=name&order=asc&pageSize=50');
      await page.waitForTimeout(1500);
      const rows = await serviceRows();
      return rows.filter(cells => /^\d+$/.test(cells[3] ?? '')).length >= 3;
    },
    { timeoutMs: SCANS_TIMEOUT_MS, intervalMs: 5000 },
  );
  await page.getByText('Repositories', { exact: true }).waitFor();
  await page.getByText('Average score', { exact: true }).waitFor();
  await page.screenshot({
    path: path.join(SCREENSHOTS, 'org-page.png'),
    fullPage: true,
  });
});

test('filtering by an owner narrows the table and keeps the filter in the URL', async () => {
  await openOrgPage('?pageSize=50');
  await page.getByRole('search').getByRole('button', { name: /Owner/ }).click();
  const option = page.getByRole('option').first();
  const owner = (await option.textContent()).trim();
  await option.click();
  await page.keyboard.press('Escape');
  await page.waitForURL(
    url => new URL(url).searchParams.getAll('owner').length === 1,
  );
  const ownerRef = new URL(page.url()).searchParams.get('owner');
  assert.match(ownerRef, new RegExp(`${owner}$`));
  await waitFor(
    'only the owner in the table',
    async () => {
      const rows = await serviceRows();
      return rows.length > 0 && rows.every(cells => cells[1] === owner);
    },
    { timeoutMs: 30_000, intervalMs: 500 },
  );
  // The URL alone restores the view.
  await openOrgPage(new URL(page.url()).search);
  await waitFor(
    'the filter after a reload',
    async () => {
      const rows = await serviceRows();
      return rows.length > 0 && rows.every(cells => cells[1] === owner);
    },
    { timeoutMs: 30_000, intervalMs: 500 },
  );
});

test('the CSV export holds what the filters select', async () => {
  const ownerRef = new URL(page.url()).searchParams.get('owner');
  assert.ok(ownerRef, 'the previous test left an owner filter in the URL');
  const tableRows = await serviceRows();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: /Export CSV/ }).click(),
  ]);
  const file = path.join(ARTIFACTS, 'export.csv');
  await download.saveAs(file);
  const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  assert.ok(lines.length >= 2, `a header and rows, got ${lines.length} lines`);
  assert.equal(
    lines.length - 1,
    tableRows.length,
    'one CSV row per selected service',
  );
  for (const line of lines.slice(1)) {
    assert.ok(line.includes(ownerRef), `${line} belongs to ${ownerRef}`);
  }
});

test("a service's tab shows its result and links evidence to the exact lines", async () => {
  await openOrgPage('?sort=score&order=asc');
  const service = page
    .getByRole('table', { name: 'Services' })
    .locator('tbody tr a')
    .first();
  const name = (await service.textContent()).trim();
  await service.click();
  await page.waitForURL(/\/go-build-policy$/);
  assert.match(page.url(), new RegExp(`/${name}/go-build-policy$`));
  await page.getByText('Score history').first().waitFor({ timeout: 60_000 });
  await page.screenshot({
    path: path.join(SCREENSHOTS, 'entity-tab.png'),
    fullPage: true,
  });
  // The app follows the system's colour scheme until a theme is chosen: check dark too.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(
    () => document.body.dataset.themeMode === 'dark',
    null,
    { timeout: 10_000 },
  );
  // Switching the theme remounts the page: wait for the tab's content again.
  await page.getByText('Score history').first().waitFor({ timeout: 60_000 });
  await page.locator('a[href*="/blob/"]').first().waitFor({ timeout: 30_000 });
  await page.screenshot({
    path: path.join(SCREENSHOTS, 'entity-tab-dark.png'),
    fullPage: true,
  });
  await page.emulateMedia({ colorScheme: 'light' });

  // The worst failing rules open by default; follow the first evidence link.
  const evidence = page.locator('a[href*="/blob/"]').first();
  await evidence.waitFor({ timeout: 30_000 });
  const href = await evidence.getAttribute('href');
  const match =
    /^https:\/\/github\.com\/acme\/[^/]+\/blob\/([0-9a-f]{40})\/(.+)#L(\d+)(?:-L(\d+))?$/.exec(
      href,
    );
  assert.ok(match, `evidence link ${href} points at lines of a commit`);
  const [, , , from, to = from] = match;
  const [target] = await Promise.all([
    browser.context.waitForEvent('page', { timeout: 30_000 }),
    evidence.click(),
  ]);
  await target.waitForLoadState('load');
  assert.equal(target.url(), href);
  const highlighted = await target
    .locator('tr.hl')
    .evaluateAll(rows => rows.map(r => r.id));
  const expected = [];
  for (let n = Number(from); n <= Number(to); n++) expected.push(`L${n}`);
  assert.deepEqual(highlighted, expected);
  await target.screenshot({ path: path.join(SCREENSHOTS, 'evidence.png') });
  await target.close();
});

test('a rule documentation link lands on the rule', async () => {
  const doc = page.getByRole('link', { name: /^Documentation of / }).first();
  const ruleId = (await doc.textContent())
    .replace('Documentation of ', '')
    .trim();
  await doc.click();
  await page.waitForURL(new RegExp(`/go-build-policy/rules#${ruleId}$`));
  await page.locator(`section[id="${ruleId}"]`).waitFor();
});

test('our pages log no console errors and every API call succeeds', () => {
  assertNoErrorsOfOurs(browser, 'console-errors');
});
