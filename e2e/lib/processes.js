/*
 * Child processes the browser tests start, each in its own process group so that
 * stopping it also stops what it spawned (the CLI's backend and dev server).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

/** An ephemeral port the kernel picked, released for the child to take. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a command with its output in `logFile`; `stop()` ends its whole group. */
function startProcess(name, command, args, { cwd, env, logFile }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
    detached: true,
  });
  let exited = false;
  const exit = new Promise(resolve => {
    child.on('exit', code => {
      exited = true;
      resolve(code);
    });
    // A command that cannot start (not on PATH) never exits: say so in its log instead.
    child.on('error', error => {
      fs.appendFileSync(logFile, `${name} could not start: ${error.message}\n`);
      exited = true;
      resolve(null);
    });
  });
  return {
    name,
    logFile,
    get exited() {
      return exited;
    },
    exit,
    async stop() {
      if (exited) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 10_000);
      await exit;
      clearTimeout(timer);
      fs.closeSync(log);
    },
  };
}

/** The last lines of a log, for failure messages. */
function tail(logFile, lines = 30) {
  try {
    return fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
}

/** Polls `check` until it returns a truthy value, or fails after `timeoutMs`. */
async function waitFor(
  what,
  check,
  { timeoutMs, intervalMs = 1000, process: child },
) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child?.exited) {
      throw new Error(
        `${child.name} exited while waiting for ${what}:\n${tail(
          child.logFile,
        )}`,
      );
    }
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
  const logs = child ? `\n${tail(child.logFile)}` : '';
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}${
      lastError ? ` (last error: ${lastError.message})` : ''
    }${logs}`,
  );
}

/** Resolves when `url` answers with a status below 500. */
async function httpReady(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return response.status < 500;
}

module.exports = { freePort, startProcess, tail, waitFor, httpReady };
