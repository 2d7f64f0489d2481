#!/usr/bin/env node
/*
 * Browser tests: `node e2e/run.js`. Starts the demo on free ports, runs the tests in
 * headless Chromium and stops everything. Screenshots and logs go to artifacts/.
 */
const { run } = require('node:test');
const { spec } = require('node:test/reporters');
const path = require('node:path');

const stream = run({
  files: [path.join(__dirname, 'demo.e2e.js')],
  concurrency: 1,
  timeout: 20 * 60_000,
});
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
