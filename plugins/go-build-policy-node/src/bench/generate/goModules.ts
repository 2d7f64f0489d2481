import { Random } from '../random';

const PUBLIC_MODULES = [
  'github.com/spf13/cobra',
  'github.com/stretchr/testify',
  'golang.org/x/sync',
  'golang.org/x/net',
  'google.golang.org/grpc',
  'github.com/prometheus/client_golang',
  'go.uber.org/zap',
  'github.com/jackc/pgx/v5',
  'gopkg.in/yaml.v3',
  'github.com/google/uuid',
];

export const GO_VERSIONS = [
  '1.21',
  '1.22',
  '1.22.7',
  '1.23',
  '1.23.4',
  '1.24.1',
];

/** A go.mod with a realistic mix of direct, indirect, private and replaced requirements. */
export function goMod(
  random: Random,
  module: string,
  options: { localReplace?: string } = {},
) {
  const lines = [`module ${module}`, '', `go ${random.pick(GO_VERSIONS)}`, ''];
  if (random.chance(0.3))
    lines.push(`toolchain go${random.pick(['1.23.5', '1.24.2'])}`, '');
  const count = random.int(3, 120);
  lines.push('require (');
  for (let i = 0; i < count; i++) {
    const base =
      i < PUBLIC_MODULES.length
        ? PUBLIC_MODULES[i]
        : `github.com/vendor${i}/lib${i}`;
    const indirect = i > 8 && random.chance(0.6) ? ' // indirect' : '';
    lines.push(
      `\t${base} v1.${random.int(0, 30)}.${random.int(0, 9)}${indirect}`,
    );
  }
  if (random.chance(0.4)) lines.push('\tgithub.com/acme/platform v0.9.1');
  lines.push(')', '');
  if (options.localReplace)
    lines.push(`replace github.com/acme/shared => ${options.localReplace}`, '');
  if (random.chance(0.1))
    lines.push('// replace github.com/acme/old => ../old', '');
  return lines.join('\n');
}

export function goWork(modules: readonly string[]) {
  return [
    'go 1.23',
    '',
    'use (',
    ...modules.map(m => `\t./${m}`),
    ')',
    '',
  ].join('\n');
}

export function dependabot(random: Random, directories: readonly string[]) {
  const entries = directories.map(d =>
    [
      '  - package-ecosystem: gomod',
      `    directory: /${d}`,
      '    schedule:',
      `      interval: ${random.pick(['daily', 'weekly'])}`,
    ].join('\n'),
  );
  entries.push(
    '  - package-ecosystem: github-actions\n    directory: /\n    schedule:\n      interval: weekly',
  );
  return `version: 2\nupdates:\n${entries.join('\n')}\n`;
}

export function renovate(random: Random) {
  return JSON.stringify(
    {
      extends: ['config:recommended'],
      gomod: { enabled: random.chance(0.9) },
      postUpdateOptions: ['gomodTidy'],
    },
    null,
    2,
  );
}

export function makefile(random: Random) {
  const clean = random.chance(0.2) ? '\nclean:\n\tgo clean -modcache\n' : '';
  return `GOFLAGS ?= -trimpath\n\n.PHONY: build test lint\nbuild: generate\n\tgo build ./...\n\ngenerate:\n\tgo generate ./...\n\ntest:\n\tgo test -race ./...\n\nlint:\n\tgolangci-lint run\n${clean}`;
}
