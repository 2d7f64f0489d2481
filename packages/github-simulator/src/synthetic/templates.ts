/** Workflow and Dockerfile variants, from good practice to common mistakes. */

export type WorkflowStyle =
  | 'setup-go-default'
  | 'setup-go-version-file'
  | 'actions-cache-hashed'
  | 'actions-cache-per-run'
  | 'no-cache'
  | 'matrix-os';

export function workflow(
  style: WorkflowStyle,
  goVersion: string,
  privateOwner?: string,
): string {
  const privateEnv = privateOwner
    ? `    env:\n      GOPRIVATE: github.com/${privateOwner}/*\n`
    : '';
  const auth = privateOwner
    ? `      - run: git config --global url."https://x-access-token:\${{ secrets.GO_MODULES_TOKEN }}@github.com/".insteadOf "https://github.com/"\n`
    : '';
  const head = `name: ci\non:\n  push:\n    branches: [main]\n  pull_request:\n`;
  const checkout = `      - uses: actions/checkout@v4\n`;
  const test = `      - run: go test ./...\n      - run: go build ./...\n`;
  switch (style) {
    case 'setup-go-default':
      return `${head}jobs:\n  test:\n    runs-on: ubuntu-latest\n${privateEnv}    steps:\n${checkout}      - uses: actions/setup-go@v5\n        with:\n          go-version: '${goVersion}'\n${auth}${test}`;
    case 'setup-go-version-file':
      return `${head}jobs:\n  test:\n    runs-on: ubuntu-latest\n${privateEnv}    steps:\n${checkout}      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n${auth}${test}      - run: go mod tidy -diff\n`;
    case 'actions-cache-hashed':
      return `${head}jobs:\n  test:\n    runs-on: ubuntu-latest\n${privateEnv}    steps:\n${checkout}      - uses: actions/setup-go@v5\n        with:\n          go-version: '${goVersion}'\n          cache: false\n      - uses: actions/cache@v4\n        with:\n          path: |\n            ~/go/pkg/mod\n            ~/.cache/go-build\n          key: go-\${{ runner.os }}-\${{ runner.arch }}-${goVersion}-\${{ hashFiles('**/go.sum') }}\n          restore-keys: go-\${{ runner.os }}-\${{ runner.arch }}-${goVersion}-\n${auth}${test}`;
    case 'actions-cache-per-run':
      return `${head}jobs:\n  test:\n    runs-on: ubuntu-latest\n${privateEnv}    steps:\n${checkout}      - uses: actions/setup-go@v4\n        with:\n          go-version: '${goVersion}'\n          cache: false\n      - uses: actions/cache@v3\n        with:\n          path: ~/go/pkg/mod\n          key: gomod-\${{ github.sha }}\n${auth}${test}`;
    case 'no-cache':
      return `${head}jobs:\n  test:\n    runs-on: ubuntu-latest\n${privateEnv}    steps:\n${checkout}      - uses: actions/setup-go@v3\n        with:\n          go-version: stable\n${auth}${test}`;
    default:
      // matrix-os
      return `${head}jobs:\n  test:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n    runs-on: \${{ matrix.os }}\n${privateEnv}    steps:\n${checkout}      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n${auth}${test}`;
  }
}

export type DockerStyle =
  | 'layered-cache-mounts'
  | 'layered'
  | 'copy-all-first'
  | 'floating-image';

export function dockerfile(
  style: DockerStyle,
  goVersion: string,
  binary: string,
): string {
  const runtime = `FROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/${binary} /${binary}\nENTRYPOINT ["/${binary}"]\n`;
  switch (style) {
    case 'layered-cache-mounts':
      return `# syntax=docker/dockerfile:1\nARG GO_VERSION=${goVersion}\nFROM golang:\${GO_VERSION} AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    --mount=type=cache,target=/root/.cache/go-build \\\n    CGO_ENABLED=0 go build -o /out/${binary} ./cmd/${binary}\n\n${runtime}`;
    case 'layered':
      return `FROM golang:${goVersion}-alpine AS build\nWORKDIR /src\nCOPY go.* ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/${binary} ./cmd/${binary}\n\n${runtime}`;
    case 'copy-all-first':
      return `FROM golang:${goVersion} AS build\nWORKDIR /src\nCOPY . .\nRUN go mod download && CGO_ENABLED=0 go build -o /out/${binary} ./cmd/${binary}\n\n${runtime}`;
    default:
      // floating-image
      return `FROM golang:latest AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/${binary} ./cmd/${binary}\n\n${runtime}`;
  }
}

export function mainGo(binary: string): string {
  return `package main\n\nimport (\n\t"log"\n\t"net/http"\n)\n\nfunc main() {\n\thttp.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {\n\t\tw.WriteHeader(http.StatusOK)\n\t})\n\tlog.Printf("${binary} listening on :8080")\n\tlog.Fatal(http.ListenAndServe(":8080", nil))\n}\n`;
}

export function goPackage(name: string, index: number): string {
  return `package ${name}\n\n// Value${index} is part of a generated package used by benchmarks.\nfunc Value${index}(input int) int {\n\treturn input*${
    index + 2
  } + ${index}\n}\n`;
}

export const DEPENDABOT = `version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n    schedule:\n      interval: weekly\n`;

export const MAKEFILE = `.PHONY: build test\n\nbuild:\n\tgo build ./...\n\ntest:\n\tgo test ./...\n`;

export const DOCKERIGNORE = `.git\nbin/\ndist/\n`;
