#!/usr/bin/env node
/*
 * Browser tests: `node e2e/run.js`. Starts the demo on free ports once, runs every test
 * file against it in headless Chromium (one file after the other, each with its own
 * browser) and stops everything. Screenshots and logs go to artifacts/.
 */
const { run } = require('node:test');
const { spec } = require('node:test/reporters');
const { finished } = require('node:stream/promises');
const path = require('node:path');
const { startDemo } = require('./lib/demo');
const { shareDemo } = require('./lib/session');

/** In this order: the triage tests change the demo (waivers, a merged fix). */
const FILES = ['demo.e2e.js', 'triage.e2e.js'].map(file =>
  path.join(__dirname, file),
);

const seconds = ms => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const started = Date.now();
  const demo = await startDemo({ logPrefix: 'e2e' });
  const ready = Date.now();
  try {
    // The test files run in processes of their own and find the demo in the environment.
    shareDemo(demo);
    const stream = run({
      files: FILES,
      concurrency: 1,
      timeout: 20 * 60_000,
    });
    stream.on('test:fail', () => {
      process.exitCode = 1;
    });
    const report = stream.compose(spec);
    report.pipe(process.stdout, { end: false });
    await finished(report);
  } finally {
    await demo.stop();
  }
  const done = Date.now();
  process.stdout.write(
    `e2e: demo started in ${seconds(ready - started)}, tests ran in ${seconds(
      done - ready,
    )}, ${seconds(done - started)} in all\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
