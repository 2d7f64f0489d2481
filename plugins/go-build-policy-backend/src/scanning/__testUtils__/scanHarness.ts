import { mockServices } from '@backstage/backend-test-utils';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import {
  GithubSimulator,
  GithubSimulatorOptions,
  InMemoryRepo,
  startGithubSimulator,
} from '@go-build-policy/github-simulator';
import type { PolicySettings } from '@go-build-policy/plugin-go-build-policy-common';
import { Knex } from 'knex';
import { DatabaseScanStore } from '../../database/DatabaseScanStore';
import { GithubClients } from '../../github/GithubClients';
import { GithubRequestPolicy } from '../../github/GithubHostClient';
import { RepositoryScanner } from '../RepositoryScanner';

export const TEST_HOST = 'ghe.example.test';
/** Shaped like a real classic PAT, so that redaction by pattern is exercised too. */
export const TEST_TOKEN = 'ghp_TestToken0123456789abcdefghijklmnopqr';

/** A small Go service: module, sums, a cached CI workflow and a layered Dockerfile. */
export function goRepo(
  owner: string,
  name: string,
  extra: Record<string, string> = {},
): InMemoryRepo {
  return {
    owner,
    name,
    files: {
      'go.mod': `module github.com/${owner}/${name}\n\ngo 1.23.4\n\nrequire github.com/google/uuid v1.6.0\n`,
      'go.sum':
        'github.com/google/uuid v1.6.0 h1:abc=\ngithub.com/google/uuid v1.6.0/go.mod h1:def=\n',
      'main.go': 'package main\n\nfunc main() {}\n',
      '.github/workflows/ci.yml': [
        'on: [push, pull_request]',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - uses: actions/setup-go@v5',
        '        with:',
        '          go-version-file: go.mod',
        '      - run: go test ./...',
        '',
      ].join('\n'),
      Dockerfile: [
        'FROM golang:1.23 AS build',
        'WORKDIR /src',
        'COPY go.mod go.sum ./',
        'RUN go mod download',
        'COPY . .',
        'RUN go build -o /app .',
        '',
      ].join('\n'),
      ...extra,
    },
  };
}

export function entityFor(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

export interface ScanHarness {
  simulator: GithubSimulator;
  store: DatabaseScanStore;
  clients: GithubClients;
  scanner: RepositoryScanner;
  logger: ReturnType<typeof mockServices.logger.mock>;
  entity(owner: string, repo: string, extra?: Record<string, string>): Entity;
  close(): Promise<void>;
}

/** The scanner wired to a real simulator over HTTP and a real store on `knex`. */
export async function startScanHarness(options: {
  knex: Knex;
  repos: InMemoryRepo[];
  simulator?: Omit<GithubSimulatorOptions, 'repos' | 'tokens'>;
  share?: number;
  settings?: PolicySettings;
  learnPrivateModules?: boolean;
  requestPolicy?: Partial<GithubRequestPolicy>;
}): Promise<ScanHarness> {
  const simulator = await startGithubSimulator({
    ...options.simulator,
    repos: options.repos,
    tokens: [TEST_TOKEN],
  });
  const config = new ConfigReader({
    integrations: {
      github: [
        {
          host: TEST_HOST,
          apiBaseUrl: simulator.apiBaseUrl,
          token: TEST_TOKEN,
        },
      ],
    },
  });
  const cache = CacheManager.fromConfig(config).forPlugin('go-build-policy');
  const logger = mockServices.logger.mock();
  const store = await DatabaseScanStore.create({
    database: mockServices.database({ knex: options.knex }),
  });
  const clients = new GithubClients({
    config,
    cache,
    logger,
    rateLimitShare: options.share ?? 1,
    requestPolicy: {
      retryBaseDelayMs: 5,
      maxRetryAfterMs: 2_000,
      ...options.requestPolicy,
    },
  });
  const scanner = new RepositoryScanner({
    clients,
    cache,
    store,
    logger,
    settings: options.settings ?? {},
    extraRules: () => [],
    learnPrivateModules: options.learnPrivateModules ?? false,
  });
  return {
    simulator,
    store,
    clients,
    scanner,
    logger,
    entity: (owner, repo, extra = {}) =>
      entityFor(repo, {
        'github.com/project-slug': `${owner}/${repo}`,
        'backstage.io/source-location': `url:https://${TEST_HOST}/${owner}/${repo}/tree/main/`,
        ...extra,
      }),
    close: () => simulator.close(),
  };
}
