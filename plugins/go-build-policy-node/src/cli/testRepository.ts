import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes files into a fresh temporary directory and returns its path (tests only). */
export function writeRepository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'gbp-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return root;
}

/** A Go service that breaks several rules: no go.sum, a cacheless old setup-go, COPY . . */
export const FAILING_SERVICE: Record<string, string> = {
  'go.mod': [
    'module github.com/acme/orders',
    '',
    'go 1.23',
    '',
    'require (',
    '\tgithub.com/acme/shared v1.4.0',
    '\tgolang.org/x/sync v0.8.0',
    ')',
    '',
  ].join('\n'),
  'main.go': 'package main\n\nfunc main() {}\n',
  '.github/workflows/ci.yml': [
    'name: ci',
    'on: [push, pull_request]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-go@v2',
    '        with:',
    '          go-version: stable',
    '      - run: go test ./...',
    '',
  ].join('\n'),
  Dockerfile: [
    'FROM golang:latest AS build',
    'ARG GITHUB_TOKEN',
    'WORKDIR /src',
    'COPY . .',
    'RUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"',
    'RUN go build -o /out/orders .',
    '',
    'FROM gcr.io/distroless/static',
    'COPY --from=build /out/orders /orders',
    '',
  ].join('\n'),
};
