import { createHash } from 'node:crypto';

/** Public modules with versions that exist, so synthetic go.mod files look real. */
export const PUBLIC_MODULES: ReadonlyArray<[string, string]> = [
  ['github.com/go-chi/chi/v5', 'v5.2.1'],
  ['github.com/google/uuid', 'v1.6.0'],
  ['github.com/prometheus/client_golang', 'v1.20.5'],
  ['github.com/spf13/cobra', 'v1.8.1'],
  ['github.com/stretchr/testify', 'v1.10.0'],
  ['go.uber.org/zap', 'v1.27.0'],
  ['golang.org/x/sync', 'v0.10.0'],
  ['google.golang.org/grpc', 'v1.69.2'],
  ['google.golang.org/protobuf', 'v1.36.1'],
  ['github.com/jackc/pgx/v5', 'v5.7.2'],
  ['github.com/redis/go-redis/v9', 'v9.7.0'],
  ['go.opentelemetry.io/otel', 'v1.33.0'],
  ['github.com/aws/aws-sdk-go-v2', 'v1.32.7'],
  ['github.com/segmentio/kafka-go', 'v0.4.47'],
  ['gopkg.in/yaml.v3', 'v3.0.1'],
];

/** A go.sum pair of lines for a module; the hashes are derived, not real. */
export function goSumLines(path: string, version: string): string {
  const hash = (what: string) =>
    createHash('sha256').update(`${path}@${version}${what}`).digest('base64');
  return `${path} ${version} h1:${hash(
    '',
  )}\n${path} ${version}/go.mod h1:${hash('/go.mod')}\n`;
}

export function goMod(options: {
  module: string;
  goVersion: string;
  requires: Array<[string, string]>;
  replaces?: Array<[string, string]>;
}): string {
  const lines = [`module ${options.module}`, '', `go ${options.goVersion}`];
  if (options.requires.length > 0) {
    lines.push('', 'require (');
    for (const [path, version] of options.requires)
      lines.push(`\t${path} ${version}`);
    lines.push(')');
  }
  for (const [from, to] of options.replaces ?? [])
    lines.push('', `replace ${from} => ${to}`);
  return `${lines.join('\n')}\n`;
}

export function goSum(requires: Array<[string, string]>): string {
  return requires.map(([path, version]) => goSumLines(path, version)).join('');
}
