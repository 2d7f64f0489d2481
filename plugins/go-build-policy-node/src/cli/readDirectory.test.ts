import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MAX_PARSED_FILE_BYTES } from '../snapshot/RepositorySnapshot';
import { readDirectory } from './readDirectory';

describe('readDirectory', () => {
  let base: string;
  let root: string;

  function write(path: string, content: string | Buffer) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }

  function read() {
    const result = readDirectory(root);
    if (!result.ok) throw new Error(result.reason);
    return result.snapshot;
  }

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'gbp-read-'));
    root = join(base, 'repo');
    mkdirSync(root);
  });

  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('lists every path and reads only the policy inputs', () => {
    write('go.mod', 'module example.com/a\n');
    write('main.go', 'package main\n');
    write('.github/workflows/ci.yml', 'on: push\n');
    const snapshot = read();
    expect(snapshot.paths).toEqual([
      '.github/workflows/ci.yml',
      'go.mod',
      'main.go',
    ]);
    expect(snapshot.file('go.mod')).toEqual({
      kind: 'text',
      text: 'module example.com/a\n',
    });
    expect(snapshot.file('.github/workflows/ci.yml')).toEqual({
      kind: 'text',
      text: 'on: push\n',
    });
    expect(snapshot.file('main.go')?.kind).toBe('unavailable');
  });

  it('skips .git and node_modules', () => {
    write('.git/HEAD', 'ref: refs/heads/main\n');
    write('.git/config', '[core]\n');
    write('node_modules/pkg/Dockerfile', 'FROM node\n');
    write('web/node_modules/x/go.mod', 'module x\n');
    write('go.mod', 'module a\n');
    expect(read().paths).toEqual(['go.mod']);
  });

  it('marks files with NUL bytes as binary', () => {
    write('Dockerfile', Buffer.from([0x46, 0x52, 0x00, 0x4f, 0x4d]));
    expect(read().file('Dockerfile')).toEqual({ kind: 'binary' });
  });

  it('marks files over the parse limit as too large without reading them', () => {
    write('go.mod', Buffer.alloc(MAX_PARSED_FILE_BYTES + 1, 0x61));
    expect(read().file('go.mod')).toEqual({
      kind: 'too-large',
      size: MAX_PARSED_FILE_BYTES + 1,
    });
  });

  it('reads a symbolic link to a file inside the tree', () => {
    write('build/Dockerfile', 'FROM golang:1.23\n');
    symlinkSync(join(root, 'build/Dockerfile'), join(root, 'Dockerfile'));
    const snapshot = read();
    expect(snapshot.paths).toContain('Dockerfile');
    expect(snapshot.file('Dockerfile')).toEqual({
      kind: 'text',
      text: 'FROM golang:1.23\n',
    });
  });

  it('does not follow a symbolic link out of the tree', () => {
    writeFileSync(join(base, 'secret.mod'), 'module secret\n');
    symlinkSync(join(base, 'secret.mod'), join(root, 'go.mod'));
    const file = read().file('go.mod');
    expect(file?.kind).toBe('unavailable');
    expect(file).toMatchObject({
      reason: expect.stringContaining('outside the repository'),
    });
  });

  it('lists a symbolic link to a directory once and does not walk into it', () => {
    write('real/go.mod', 'module real\n');
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    symlinkSync(base, join(root, 'loop'));
    const snapshot = read();
    expect(snapshot.paths).toEqual(['alias', 'loop', 'real/go.mod']);
  });

  it('reports a broken symbolic link as unavailable', () => {
    symlinkSync(join(root, 'nowhere'), join(root, 'Dockerfile'));
    expect(read().file('Dockerfile')).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringContaining('broken symbolic link'),
    });
  });

  it('fails with a reason when the directory does not exist', () => {
    expect(readDirectory(join(base, 'missing'))).toEqual({
      ok: false,
      reason: expect.stringContaining('does not exist'),
    });
  });

  it('fails with a reason when the path is a file', () => {
    write('go.mod', 'module a\n');
    expect(readDirectory(join(root, 'go.mod'))).toEqual({
      ok: false,
      reason: expect.stringContaining('not a directory'),
    });
  });
});
