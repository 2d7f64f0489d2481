/*
 * The check every browser test file ends with: no console errors raised in our code and
 * no failed call to the plugin's API, with everything seen written out for reading.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ARTIFACTS } = require('./demo');

/** Console errors raised in our code: its source paths appear in the message or stack. */
function isOurs(text) {
  return /go-build-policy\/src|plugin-go-build-policy|GoBuildPolicy/.test(text);
}

/**
 * @param {{ consoleErrors: string[], failedRequests: string[] }} browser
 * @param {string} name where the log goes: artifacts/<name>.txt
 */
function assertNoErrorsOfOurs(browser, name) {
  // Everything is kept for reading; dev-build warnings from Backstage and MUI internals
  // (findDOMNode, list keys in ExtensionBoundary) are not ours to fix.
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(
    path.join(ARTIFACTS, `${name}.txt`),
    [...browser.consoleErrors, ...browser.failedRequests].join('\n\n'),
  );
  assert.deepEqual(browser.consoleErrors.filter(isOurs), []);
  assert.deepEqual(
    browser.failedRequests.filter(r => r.includes('/api/go-build-policy/')),
    [],
  );
}

module.exports = { assertNoErrorsOfOurs, isOurs };
