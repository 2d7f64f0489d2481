/*
 * Starts what `yarn start` starts (the GitHub simulator over examples/repos, the backend
 * and the app dev server), on ports of its own so that it never collides with a demo
 * someone else runs, and stops all of it.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort, startProcess, waitFor, httpReady } = require('./processes');

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'artifacts');

function configFor({ appPort, backendPort, simulatorPort, extraYaml = '' }) {
  const app = `http://127.0.0.1:${appPort}`;
  const backend = `http://127.0.0.1:${backendPort}`;
  return `# Written by e2e/lib/demo.js: the demo on ports of its own.
app:
  baseUrl: ${app}
  listen:
    host: 127.0.0.1
    port: ${appPort}
backend:
  baseUrl: ${backend}
  listen:
    host: 127.0.0.1
    port: ${backendPort}
  cors:
    origin: ${app}
integrations:
  github:
    - host: github.com
      apiBaseUrl: http://127.0.0.1:${simulatorPort}/api/v3
      token: demo-token
# Sweep often: the first sweep may run before the catalog has read examples/.
goBuildPolicy:
  schedule:
    frequency: { minutes: 0, seconds: 15 }
    timeout: { minutes: 10 }
    initialDelay: { seconds: 1 }
  # The triage tests open fix pull requests against the simulator, whatever the demo says.
  pullRequests:
    enabled: true
${extraYaml}`;
}

/**
 * @param {{ extraConfigFiles?: string[], extraYaml?: string, logPrefix?: string,
 *           startupTimeoutMs?: number, simulator?: boolean }} options
 */
async function startDemo(options = {}) {
  const [appPort, backendPort, simulatorPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbp-e2e-'));
  const configFile = path.join(dir, 'app-config.e2e.yaml');
  fs.writeFileSync(
    configFile,
    configFor({
      appPort,
      backendPort,
      simulatorPort,
      extraYaml: options.extraYaml,
    }),
  );
  const prefix = options.logPrefix ?? 'e2e';
  const logs = path.join(ARTIFACTS, 'logs');
  const timeoutMs = options.startupTimeoutMs ?? 8 * 60_000;
  const processes = [];
  const stop = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await Promise.all(processes.map(p => p.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // Interrupted runs must not leave servers behind.
  const onSignal = () => stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    let simulator;
    if (options.simulator !== false) {
      simulator = startProcess(
        'github-simulator',
        path.join(ROOT, 'packages/github-simulator/bin/github-simulator'),
        [
          '--root',
          'examples/repos',
          '--port',
          String(simulatorPort),
          '--host',
          '127.0.0.1',
        ],
        { cwd: ROOT, logFile: path.join(logs, `${prefix}-simulator.log`) },
      );
      processes.push(simulator);
    }
    // Packages resolve config paths from their own folders: pass absolute ones.
    const configArgs = [
      path.join(ROOT, 'app-config.yaml'),
      configFile,
      ...(options.extraConfigFiles ?? []).map(f => path.resolve(ROOT, f)),
    ].flatMap(file => ['--config', file]);
    // The backend without a watcher (`repo start` restarts it on any edit in the checkout).
    const backend = startProcess(
      'backend',
      process.execPath,
      [path.join(__dirname, 'backendMain.js'), ...configArgs],
      {
        cwd: path.join(ROOT, 'packages/backend'),
        env: { NODE_ENV: 'development' },
        logFile: path.join(logs, `${prefix}-backend.log`),
      },
    );
    processes.push(backend);
    // The CLI through Node itself: `yarn` is on PATH only inside `yarn run` scripts.
    const app = startProcess(
      'app',
      process.execPath,
      [
        require.resolve('@backstage/cli/bin/backstage-cli'),
        'package',
        'start',
        ...configArgs,
      ],
      {
        cwd: path.join(ROOT, 'packages/app'),
        env: { BROWSER: 'none', CI: 'true' },
        logFile: path.join(logs, `${prefix}-app.log`),
      },
    );
    processes.push(app);

    const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
    const backendUrl = `http://127.0.0.1:${backendPort}`;
    const appUrl = `http://127.0.0.1:${appPort}`;
    if (simulator) {
      await waitFor(
        'the GitHub simulator',
        () => httpReady(`${simulatorUrl}/api/v3/rate_limit`),
        {
          timeoutMs: 120_000,
          process: simulator,
        },
      );
    }
    await waitFor(
      'the backend',
      () => httpReady(`${backendUrl}/.backstage/health/v1/readiness`),
      { timeoutMs, process: backend },
    );
    await waitFor(
      'the app dev server',
      async () => {
        const response = await fetch(appUrl, {
          signal: AbortSignal.timeout(10_000),
        });
        return (
          response.ok && (await response.text()).includes('<div id="root">')
        );
      },
      { timeoutMs, process: app, intervalMs: 2000 },
    );
    return { appUrl, backendUrl, simulatorUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

module.exports = { startDemo, ROOT, ARTIFACTS };
