/*
 * Runs the GitHub simulator on its own thread, so that its CPU time does not share the
 * event loop with the scanner being measured (as a real GitHub would not).
 */
const { parentPort, workerData } = require('node:worker_threads');

require('@backstage/cli/config/nodeTransform.cjs');
const {
  generateGoRepos,
  startGithubSimulator,
} = require('@go-build-policy/github-simulator');

startGithubSimulator({
  repos: generateGoRepos(workerData.repos),
  latencyMs: workerData.latencyMs,
  rateLimit: { limit: 10000000 },
}).then(
  simulator => {
    parentPort.postMessage({
      apiBaseUrl: simulator.apiBaseUrl,
      baseUrl: simulator.baseUrl,
    });
    parentPort.on('message', message => {
      if (message === 'close') simulator.close().then(() => parentPort.close());
    });
  },
  error => parentPort.postMessage({ error: String(error) }),
);
