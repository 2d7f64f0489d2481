import { InMemoryRepo } from '../model/types';

/** A small Go service, a renamed repository, an empty one, and a big file. */
export function sampleRepos(): InMemoryRepo[] {
  return [
    {
      owner: 'acme',
      name: 'orders',
      files: {
        'go.mod': 'module github.com/acme/orders\n\ngo 1.23.4\n',
        'go.sum': '',
        'main.go': 'package main\n\nfunc main() {}\n',
        '.github/workflows/ci.yml': 'name: ci\non: push\njobs: {}\n',
        'internal/store/store.go': 'package store\n',
        Dockerfile: 'FROM golang:1.23\nCOPY . .\nRUN go build ./...\n',
      },
      settings: {
        description: 'Order service',
        topics: ['go'],
        pushedAt: '2026-02-01T10:00:00Z',
      },
    },
    {
      owner: 'acme',
      name: 'old-billing',
      files: { 'go.mod': 'module github.com/acme/billing\n\ngo 1.22\n' },
      settings: { renamedTo: 'acme/billing' },
    },
    { owner: 'acme', name: 'blank', files: {}, settings: { empty: true } },
    {
      owner: 'acme',
      name: 'assets',
      files: {
        'big.bin': Buffer.alloc(1024 * 1024 + 10, 7),
        'small.txt': 'hello\n',
      },
      settings: { language: 'Shell', archived: true },
    },
  ];
}
