#!/usr/bin/env node
/*
 * `yarn start`: the GitHub simulator (fixture repositories in examples/repos) and
 * Backstage (backend and app) together; Ctrl-C stops both.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const simulatorPort = process.env.SIMULATOR_PORT || '7008';
const children = [];

function run(name, command, args, env = {}) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  child.on('exit', code => {
    console.log(`[start] ${name} exited with ${code}`);
    shutdown(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

run('github-simulator', 'github-simulator', [
  '--root',
  'examples/repos',
  '--port',
  simulatorPort,
]);
run('backstage', 'backstage-cli', ['repo', 'start'], {
  GITHUB_API_BASE_URL: `http://127.0.0.1:${simulatorPort}/api/v3`,
});
