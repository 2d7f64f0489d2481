#!/usr/bin/env node
/*
 * Browser measurement (not a test): time to the first rows of the org scorecard with
 * 5,000 entities, in headless Chromium. Seeds a SQLite file through the backend's store,
 * starts the backend and app on it (scheduler held off, so nothing rescans or prunes),
 * signs in as guest and loads /go-build-policy several times.
 *
 *   node e2e/measure-org-page.js [--entities 5000] [--runs 7]
 *
 * Prints one JSON line and writes it to artifacts/measure-org-page.json.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { startDemo, ARTIFACTS } = require('./lib/demo');
const { launchBrowser, gotoSignedIn } = require('./lib/browser');
const { seedStore } = require('./lib/seedStore');

const TARGET_MS = 1000;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const FIRST_ROW = 'table[aria-label="Services"] tbody tr a';

/**
 * Opens the org page from the app's sidebar (client-side, as a user does) and returns the
 * ms from the click to the first service row, measured inside the page.
 */
async function timeToFirstRows(page) {
  try {
    return await page.evaluate(
      ([selector, timeoutMs]) =>
        new Promise((resolve, reject) => {
          const link = [...document.querySelectorAll('nav a, a')].find(
            a => a.getAttribute('href') === '/go-build-policy',
          );
          if (!link)
            return reject(new Error('no sidebar link to /go-build-policy'));
          const start = performance.now();
          const deadline = start + timeoutMs;
          const check = () => {
            if (document.querySelector(selector)) {
              resolve(Math.round(performance.now() - start));
            } else if (performance.now() > deadline) {
              reject(new Error(`no rows after ${timeoutMs} ms`));
            } else {
              setTimeout(check, 5);
            }
          };
          link.click();
          check();
        }),
      [FIRST_ROW, 60_000],
    );
  } catch (error) {
    const shot = path.join(ARTIFACTS, 'screenshots', 'measure-failure.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    throw new Error(
      `${error.message} (page: ${page.url()}, screenshot: ${shot})`,
    );
  }
}

/** Leaves the org page for the rules page, client-side, so the next click reloads it. */
async function leaveOrgPage(page) {
  await page.getByRole('link', { name: 'The rules' }).click();
  await page
    .getByRole('heading', { name: 'Rules' })
    .waitFor({ timeout: 60_000 });
}

async function main() {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: '5000' },
      runs: { type: 'string', default: '7' },
    },
  });
  const count = Number(values.entities);
  const runs = Number(values.runs);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbp-measure-'));
  const override = path.join(dir, 'app-config.measure.yaml');
  fs.writeFileSync(
    override,
    `# The store seeded below; the scheduler waits, so the seeded rows stay as they are.
backend:
  database:
    client: better-sqlite3
    connection:
      directory: ${JSON.stringify(dir)}
goBuildPolicy:
  schedule:
    frequency: { hours: 6 }
    initialDelay: { hours: 6 }
`,
  );

  process.stderr.write(
    `Seeding ${count} entities through DatabaseScanStore…\n`,
  );
  const seeded = await seedStore({
    file: path.join(dir, 'go-build-policy.sqlite'),
    count,
  });
  process.stderr.write(
    `Seeded in ${seeded.ms} ms; starting the backend and the app…\n`,
  );

  let demo;
  let browser;
  try {
    demo = await startDemo({
      simulator: false,
      extraConfigFiles: [override],
      logPrefix: 'measure',
    });
    browser = await launchBrowser();
    const page =
      browser.context.pages()[0] ?? (await browser.context.newPage());
    // Full load of the rules page (same lazy chunk as the org page is not loaded yet).
    await gotoSignedIn(
      page,
      `${demo.appUrl}/go-build-policy/rules`,
      page.getByRole('heading', { name: 'Rules' }),
    );
    const first = await timeToFirstRows(page);
    const warm = [];
    for (let i = 0; i < runs; i++) {
      await leaveOrgPage(page);
      warm.push(await timeToFirstRows(page));
    }
    const total = await page
      .getByText(/^\d+-\d+ of \d+$/)
      .first()
      .textContent({ timeout: 10_000 })
      .catch(() => undefined);
    const result = {
      measurement:
        'org page: time from clicking its sidebar entry to the first service row (first: just after a full load; then repeated)',
      entities: count,
      paginationCaption: total?.trim(),
      firstMs: first,
      repeatedMs: warm,
      repeatedMedianMs: median(warm),
      targetMs: TARGET_MS,
      meetsTarget: Math.max(first, median(warm)) < TARGET_MS,
      browser: 'headless Chromium (/usr/bin/chromium), dev build of the app',
    };
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(
      path.join(ARTIFACTS, 'measure-org-page.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser?.close();
    await demo?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
