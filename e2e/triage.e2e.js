/*
 * Browser tests of triage against the demo: a suggested fix shown as a diff, a waiver
 * given and revoked from a service's tab, a fix pull request opened, merged on the
 * simulated GitHub and seen passing live, and the org page's Triage and Waivers views.
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
const { guestToken, pluginApi, simulatorApi } = require('./lib/demoApi');
const { assertNoErrorsOfOurs } = require('./lib/consoleCheck');

const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');
const SCANS_TIMEOUT_MS = 5 * 60_000;
const RESCAN_TIMEOUT_MS = 3 * 60_000;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2, '': 3 };

let session;
let page;
let api;
let simulator;
/** Services picked from the demo's results, each for one test so they do not interfere. */
let fixtures;

const nameOf = entityRef => entityRef.split('/').pop();
const utcDay = days =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function tabUrl(name) {
  return `${session.demo.appUrl}/catalog/default/component/${name}/go-build-policy`;
}

/** The lines a unified diff adds and removes (hunk lines only, headers excluded). */
function changedLines(diff) {
  const added = [];
  const removed = [];
  let inHunk = false;
  for (const line of diff.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('@@')) inHunk = true;
    else if (inHunk && line.startsWith('+')) added.push(line);
    else if (inHunk && line.startsWith('-')) removed.push(line);
  }
  return { added, removed };
}

/**
 * Chooses, among the scanned services that are not archived: one failing an
 * error-severity rule that has a suggested fix (fix and pull request tests), another
 * failing an error-severity rule (waived from its tab, open by default), and a third
 * failing any rule (waived through the API). Undefined until the scans have landed.
 */
async function pickFixtures() {
  const { items } = await api.repositories('?sort=name&order=asc&limit=100');
  const scanned = items.filter(
    row => row.state === 'ok' && !row.repository?.archived,
  );
  const candidates = [];
  for (const row of scanned) {
    const result = await api.entityResult(nameOf(row.entityRef));
    const failing = result.findings.filter(
      f => f.status === 'fail' && !f.waiver && !f.pullRequest,
    );
    candidates.push({ name: nameOf(row.entityRef), result, failing });
  }
  const withFix = candidates.find(c =>
    c.failing.some(f => f.severity === 'error' && f.fix),
  );
  if (!withFix) return undefined;
  const toWaive = candidates.find(
    c => c !== withFix && c.failing.some(f => f.severity === 'error'),
  );
  const listed = candidates.find(
    c => c !== withFix && c !== toWaive && c.failing.length > 0,
  );
  if (!toWaive || !listed) return undefined;
  return {
    fix: {
      name: withFix.name,
      finding: withFix.failing.find(f => f.severity === 'error' && f.fix),
    },
    waive: {
      name: toWaive.name,
      finding: toWaive.failing.find(f => f.severity === 'error'),
      result: toWaive.result,
    },
    listed: { name: listed.name, finding: listed.failing[0] },
  };
}

/** A finding's accordion: the header (status, chips) and its details region. */
function findingOf(ruleId) {
  return {
    header: page.locator(`[id="finding-${ruleId}-header"]`),
    details: page.locator(`[id="finding-${ruleId}"]`),
  };
}

/** The big score of the summary card: "87 / 100". */
async function shownScore() {
  const text = await page
    .getByText(/^\d+ \/ 100$/)
    .first()
    .textContent();
  return Number(/^\s*(\d+)/.exec(text)?.[1]);
}

async function openOrgView(search) {
  await gotoSignedIn(
    page,
    `${session.demo.appUrl}/go-build-policy${search}`,
    page.getByRole('tab', { name: 'Triage' }),
  );
}

/**
 * The org view's panel (filters, tabs and table) in one picture: the app scrolls inside
 * its layout, so a tall viewport lets the whole table show.
 */
async function viewScreenshot(file) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: viewport.width, height: 2400 });
  try {
    await page
      .locator('[role="tabpanel"][aria-labelledby^="gbp-view-"]')
      .screenshot({ path: path.join(SCREENSHOTS, file) });
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** Rows of an org table, as the text of their cells (and the times they show). */
async function tableRows(label) {
  return page
    .getByRole('table', { name: label })
    .locator('tbody tr')
    .evaluateAll(rows =>
      rows
        .map(r => [...r.querySelectorAll('td')])
        .filter(cells => cells.length > 1)
        .map(cells => ({
          cells: cells.map(td => td.textContent.trim()),
          times: cells.map(
            td => td.querySelector('time')?.getAttribute('datetime') ?? null,
          ),
        })),
    );
}

before(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  session = await openSession({ logPrefix: 'e2e-triage' });
  page = session.page;
  api = pluginApi(
    session.demo.backendUrl,
    await guestToken(session.demo.backendUrl),
  );
  simulator = simulatorApi(session.demo.simulatorUrl);
  fixtures = await waitFor('scanned services to triage', pickFixtures, {
    timeoutMs: SCANS_TIMEOUT_MS,
    intervalMs: 5000,
  });
});

after(async () => {
  await session?.close();
});

test("a failing service's tab shows the suggested fix as a diff", async () => {
  const { name, finding } = fixtures.fix;
  const suggestion = page.getByRole('region', {
    name: `Suggested fix for ${finding.ruleId}`,
  });
  await gotoSignedIn(page, tabUrl(name), suggestion);
  await suggestion
    .getByText(`Suggested fix: ${finding.fix.title}`)
    .first()
    .waitFor();
  for (const file of finding.fix.files) {
    const diff = suggestion.getByRole('region', {
      name: `Changes to ${file.path}`,
    });
    await diff.waitFor();
    const shown = await diff
      .locator('code')
      .evaluateAll(lines =>
        lines.map(l => ({ kind: l.dataset.kind, text: l.textContent })),
      );
    const { added, removed } = changedLines(file.diff);
    assert.ok(added.length + removed.length > 0, `${file.path} changes`);
    assert.deepEqual(
      shown.filter(l => l.kind === 'add').map(l => l.text),
      added,
    );
    assert.deepEqual(
      shown.filter(l => l.kind === 'remove').map(l => l.text),
      removed,
    );
  }
  await suggestion.getByRole('button', { name: 'Copy patch' }).waitFor();
  await suggestion.scrollIntoViewIfNeeded();
  await page
    .locator(`[id="finding-${finding.ruleId}-header"]`)
    .locator('xpath=..')
    .screenshot({ path: path.join(SCREENSHOTS, 'fix-diff.png') });
});

test('waiving a failing rule from the tab counts it as passing until revoked', async () => {
  const { name, finding, result } = fixtures.waive;
  const { header, details } = findingOf(finding.ruleId);
  await gotoSignedIn(page, tabUrl(name), details);
  assert.equal(await shownScore(), result.score);
  await header.getByText('Waived', { exact: true }).waitFor({
    state: 'detached',
  });

  await details.getByRole('button', { name: 'Waive', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Waive / });
  await dialog.waitFor();
  const reason = `Accepted until the platform team's migration (e2e ${Date.now()})`;
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByLabel('Waived until (UTC)').fill(utcDay(30));
  await dialog.getByRole('button', { name: 'Waive', exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 30_000 });

  await header.getByText('Waived', { exact: true }).waitFor();
  const waiver = details.getByRole('group', {
    name: `Waiver of ${finding.ruleId}`,
  });
  await waiver.getByText(reason).waitFor();
  // The finding keeps its real status next to the chip.
  await header.getByText('Fail', { exact: true }).waitFor();
  const waived = await api.entityResult(name);
  assert.equal(waived.rawScore, result.rawScore);
  assert.ok(
    waived.score > waived.rawScore,
    `effective ${waived.score} above raw ${waived.rawScore}`,
  );
  await page
    .getByText(`(raw ${waived.rawScore}: 1 rule waived)`, { exact: true })
    .waitFor();
  assert.equal(await shownScore(), waived.score);
  await page.screenshot({
    path: path.join(SCREENSHOTS, 'waiver.png'),
    fullPage: true,
  });

  await waiver.getByRole('button', { name: 'Revoke', exact: true }).click();
  const confirm = page.getByRole('dialog', {
    name: `Revoke the waiver of ${finding.ruleId}?`,
  });
  await confirm.getByRole('button', { name: 'Revoke waiver' }).click();
  await confirm.waitFor({ state: 'detached', timeout: 30_000 });
  await details.getByRole('button', { name: 'Waive', exact: true }).waitFor();
  await header
    .getByText('Waived', { exact: true })
    .waitFor({ state: 'detached' });
  await page
    .getByText(/rule waived\)$/)
    .waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(await shownScore(), result.score);
  const revoked = await api.entityResult(name);
  assert.equal(revoked.score, result.score);
  assert.deepEqual(revoked.waivedRuleIds, []);
});

test('a fix pull request opened from the tab is merged and the rule passes live', async () => {
  const { name, finding } = fixtures.fix;
  const { header } = findingOf(finding.ruleId);
  // Scan signals arrive over the app's WebSocket: keep what it receives from now on.
  const frames = [];
  page.on('websocket', socket =>
    socket.on('framereceived', frame => frames.push(String(frame.payload))),
  );
  const suggestion = page.getByRole('region', {
    name: `Suggested fix for ${finding.ruleId}`,
  });
  await gotoSignedIn(page, tabUrl(name), suggestion);

  await suggestion.getByRole('button', { name: 'Open pull request' }).click();
  const link = suggestion.getByRole('link', { name: /^Pull request #\d+/ });
  await link.waitFor({ timeout: 60_000 });
  const number = Number(/#(\d+)/.exec(await link.textContent())[1]);
  await suggestion.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'pull-request.png') });

  // The simulated GitHub has the pull request, its branch holding the patched files.
  const pull = (await simulator.pullRequests(name)).find(
    p => p.number === number,
  );
  assert.ok(pull, `#${number} is listed on acme/${name}`);
  assert.equal(pull.state, 'open');
  assert.match(await link.getAttribute('href'), new RegExp(`/pull/${number}$`));
  for (const file of finding.fix.files) {
    const patched = await simulator.fileText(name, file.path, pull.head);
    const { added, removed } = changedLines(file.diff);
    for (const line of added) {
      assert.ok(
        patched.split('\n').includes(line.slice(1)),
        `${file.path} on ${pull.head} has ${line}`,
      );
    }
    if (!file.created) {
      const original = await simulator.fileText(name, file.path, pull.base);
      assert.notEqual(patched, original);
      const gone = removed.filter(r => !added.includes(`+${r.slice(1)}`));
      const count = (text, line) =>
        text.split('\n').filter(l => l === line.slice(1)).length;
      for (const line of gone) {
        assert.ok(count(patched, line) < count(original, line), line);
      }
    }
  }

  // Merged by a maintainer; the tab learns of the new scan without a reload.
  await page.evaluate(() => {
    window.gbpE2eSamePage = true;
  });
  const merged = await simulator.merge(name, number);
  assert.equal(merged.merged, true);
  await page.getByRole('button', { name: 'Rescan' }).click();
  await header
    .getByText('Pass', { exact: true })
    .waitFor({ timeout: RESCAN_TIMEOUT_MS });
  // The summary now names the merge commit as the scanned one.
  await page
    .locator(`a[href$="/commit/${merged.sha}"]`)
    .waitFor({ timeout: 30_000 });
  assert.equal(
    await page.evaluate(() => window.gbpE2eSamePage),
    true,
    'the page was not reloaded',
  );
  const entityRef = `component:default/${name}`;
  assert.ok(
    frames.some(
      f => f.includes('go-build-policy:scan') && f.includes(entityRef),
    ),
    `a scan signal of ${entityRef} reached the page`,
  );
  await page.screenshot({
    path: path.join(SCREENSHOTS, 'pull-request-merged.png'),
    fullPage: true,
  });
});

/**
 * Waives the error-severity rules of the lowest-scored triage row that also fails a
 * warning: it stays noncompliant with a lesser worst severity, so the ranking has more
 * than one severity to order. Returns the row and the waivers, to revoke afterwards.
 */
async function demoteLowestRow() {
  const { items } = await api.triage('?limit=100');
  const row = [...items]
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .find(
      r =>
        r.failingRules.some(f => f.severity === 'error') &&
        r.failingRules.some(f => f.severity === 'warning' && !f.waiver),
    );
  assert.ok(row, 'a noncompliant service failing errors and warnings');
  const name = nameOf(row.entityRef);
  const waivers = [];
  for (const rule of row.failingRules) {
    if (rule.severity !== 'error' || rule.waiver) continue;
    waivers.push(
      await api.createWaiver(name, {
        ruleId: rule.ruleId,
        reason: 'Ranked by its warnings in the triage test (e2e)',
        expiresAt: `${utcDay(10)}T00:00:00Z`,
      }),
    );
  }
  return { name, waivers };
}

test('the Triage view ranks noncompliant services by severity, then failing time', async () => {
  const demoted = await demoteLowestRow();
  try {
    await openOrgView('?view=triage&pageSize=100');
    const table = page.getByRole('table', { name: 'Triage' });
    await table.locator('tbody tr td a').first().waitFor({ timeout: 60_000 });
    const rows = await tableRows('Triage');
    assert.ok(rows.length >= 2, `noncompliant services: ${rows.length}`);

    // Worst severity first, then the longest failing.
    const ranks = rows.map(r => SEVERITY_RANK[r.cells[3]]);
    assert.ok(new Set(ranks).size > 1, `severities to order: ${ranks}`);
    for (let i = 1; i < rows.length; i++) {
      assert.ok(ranks[i] >= ranks[i - 1], `severity order at row ${i}`);
      if (ranks[i] === ranks[i - 1]) {
        assert.ok(
          Date.parse(rows[i].times[4]) >= Date.parse(rows[i - 1].times[4]),
          `failing-time order at row ${i}`,
        );
      }
    }
    const demotedRow = rows.find(r => r.cells[0].startsWith(demoted.name));
    assert.ok(demotedRow, `${demoted.name} is still noncompliant`);
    assert.equal(demotedRow.cells[3], 'warning');
    assert.equal(demotedRow.cells[6], 'Some rules waived');
    const { items } = await api.triage('?limit=100');
    assert.deepEqual(
      rows.map(r => r.cells[0].replace(/stale result$/, '')),
      items.map(i => i.entity.title ?? nameOf(i.entityRef)),
    );
    await viewScreenshot('triage.png');
  } finally {
    for (const waiver of demoted.waivers) {
      await api.revokeWaiver(demoted.name, waiver.id);
    }
  }
});

test('filtering the Triage view by owner keeps the view and filter in the URL', async () => {
  await openOrgView('?view=triage&pageSize=100');
  const table = page.getByRole('table', { name: 'Triage' });
  await table.locator('tbody tr td a').first().waitFor({ timeout: 60_000 });
  const rows = await tableRows('Triage');

  // Filter by the owner of the top row: the view and the filter stay in the URL.
  const owner = rows[0].cells[1];
  await page.getByRole('search').getByRole('button', { name: /Owner/ }).click();
  await page.getByRole('option', { name: owner, exact: true }).click();
  await page.keyboard.press('Escape');
  await page.waitForURL(url => new URL(url).searchParams.has('owner'));
  const search = new URL(page.url()).searchParams;
  assert.equal(search.get('view'), 'triage');
  const ownerRef = search.get('owner');
  assert.match(ownerRef, new RegExp(`[:/]${owner}$`));
  const expected = (
    await api.triage(`?limit=100&owner=${encodeURIComponent(ownerRef)}`)
  ).items.map(i => i.entityRef);
  const onlyOwner = async () => {
    const filtered = await tableRows('Triage');
    return (
      filtered.length === expected.length &&
      filtered.every(r => r.cells[1] === owner)
    );
  };
  await waitFor('only the owner in the triage table', onlyOwner, {
    timeoutMs: 30_000,
    intervalMs: 500,
  });
  // The URL alone restores the view.
  await openOrgView(new URL(page.url()).search);
  assert.equal(
    await page
      .getByRole('tab', { name: 'Triage' })
      .getAttribute('aria-selected'),
    'true',
  );
  await waitFor('the owner filter after a reload', onlyOwner, {
    timeoutMs: 30_000,
    intervalMs: 500,
  });
});

test('the Waivers view lists a waiver created through the API', async () => {
  const { name, finding } = fixtures.listed;
  const reason = `Accepted while the team moves CI runners (e2e ${Date.now()})`;
  const waiver = await api.createWaiver(name, {
    ruleId: finding.ruleId,
    reason,
    expiresAt: `${utcDay(20)}T00:00:00Z`,
  });
  assert.equal(waiver.state, 'active');

  await openOrgView('?view=waivers&pageSize=100');
  const row = page
    .getByRole('table', { name: 'Waivers' })
    .locator('tbody tr', { hasText: reason });
  await row.waitFor({ timeout: 60_000 });
  const cells = (await row.locator('td').allTextContents()).map(c => c.trim());
  assert.deepEqual(
    [cells[0], cells[1], cells[2], cells[5]],
    [name, finding.ruleId, reason, 'active'],
  );
  await viewScreenshot('waivers.png');

  // Revoked, it leaves the active list and shows under its state.
  await api.revokeWaiver(name, waiver.id);
  await openOrgView('?view=waivers&pageSize=100');
  await page.getByRole('button', { name: /^Waiver state/ }).click();
  await page.getByRole('option', { name: 'Revoked', exact: true }).click();
  await page.waitForURL(
    url => new URL(url).searchParams.get('waiverState') === 'revoked',
  );
  const revoked = page
    .getByRole('table', { name: 'Waivers' })
    .locator('tbody tr', { hasText: reason });
  await revoked.waitFor({ timeout: 60_000 });
  assert.match(
    (await revoked.locator('td').nth(5).textContent()).trim(),
    /^revoked by /,
  );
});

test('the triage pages log no console errors and every API call succeeds', () => {
  assertNoErrorsOfOurs(session.browser, 'console-errors-triage');
});
