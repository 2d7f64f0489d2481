#!/usr/bin/env node
/*
 * The GitHub cost and throughput benchmark (`yarn bench` in this package, or
 * `node bench/run.js`). Runs the TypeScript sources through Backstage's node transform.
 * Options: --repos <n> (default 1000), --latency <ms> (default 30), --concurrency <n> (default 16).
 */
require('@backstage/cli/config/nodeTransform.cjs');
const { runScanBenchmark } = require('./scanBenchmark.ts');

runScanBenchmark(process.argv.slice(2)).then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
