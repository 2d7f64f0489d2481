import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(__dirname, '../bin/github-simulator');
const EXAMPLES = resolve(__dirname, '../../../examples/repos');

describe('bin/github-simulator', () => {
  it('logs one line when ready and serves the fixtures', async () => {
    const child = spawn(
      process.execPath,
      [BIN, '--root', EXAMPLES, '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const line = await new Promise<string>((resolveLine, reject) => {
        let out = '';
        child.stdout.on('data', chunk => {
          out += chunk;
          if (out.includes('\n')) resolveLine(out.split('\n')[0]);
        });
        child.once('exit', code => reject(new Error(`exited with ${code}`)));
      });
      const apiBaseUrl = /at (http:\/\/127\.0\.0\.1:\d+\/api\/v3)/.exec(
        line,
      )![1];
      const response = await fetch(`${apiBaseUrl}/repos/acme/payments-api`);
      expect((await response.json()).full_name).toBe('acme/payments-api');
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('exits 2 with usage when an option is invalid', async () => {
    const child = spawn(process.execPath, [BIN, '--port', 'eighty'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', chunk => {
      err += chunk;
    });
    const code = await new Promise(resolveCode =>
      child.once('exit', resolveCode),
    );
    expect(code).toBe(2);
    expect(err).toContain(
      "--port must be a non-negative integer, got 'eighty'",
    );
  }, 60_000);
});
