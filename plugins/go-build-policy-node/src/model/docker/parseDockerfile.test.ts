import { parseDockerfileText } from './parseDockerfile';

const parse = (text: string) => parseDockerfileText('build/Dockerfile', text);

describe('parseDockerfileText', () => {
  it('resolves a golang base image through global ARG defaults', () => {
    const model = parse(
      [
        'ARG GO_VERSION=1.23',
        'ARG BASE=golang:${GO_VERSION}-alpine',
        'FROM --platform=$BUILDPLATFORM ${BASE} AS Builder',
        'RUN go build ./...',
      ].join('\n'),
    );
    const [stage] = model.stages;
    expect(stage.name).toBe('builder');
    expect(stage.platform).toBe('$BUILDPLATFORM');
    expect(stage.image).toMatchObject({
      repository: 'golang',
      tag: '1.23-alpine',
      isGolang: true,
      unresolved: false,
    });
    expect(model.globalArgs.map(a => [a.name, a.value])).toEqual([
      ['GO_VERSION', '1.23'],
      ['BASE', 'golang:1.23-alpine'],
    ]);
    expect(stage.buildsGo).toBe(true);
    expect(model.directory).toBe('build');
  });

  it('marks a base image with an ARG that has no default as unresolved', () => {
    const model = parse('ARG GO_VERSION\nFROM golang:${GO_VERSION}\n');
    expect(model.stages[0].image).toMatchObject({
      isGolang: true,
      tag: undefined,
      unresolved: true,
    });
  });

  it('reads lowercase instructions and links a stage to its parent stage', () => {
    const model = parse(
      [
        'from golang:1.22 as base',
        'env GOFLAGS=-mod=vendor',
        'from base AS test',
        'run go test ./...',
      ].join('\n'),
    );
    const test = model.stages[1];
    expect(test.parentStage).toBe(0);
    expect(test.image).toBeUndefined();
    expect(test.golangBased).toBe(true);
    expect(test.runs[0].environment.goflags).toBe('-mod=vendor');
    expect(test.vendored).toBe(true);
  });

  it('joins continuation lines and skips comment lines inside them', () => {
    const model = parse(
      [
        'FROM golang:1.23',
        'RUN --mount=type=cache,target=/go/pkg/mod \\',
        '    # download first',
        '    go mod download',
      ].join('\n'),
    );
    const run = model.stages[0].runs[0];
    expect(run.lines).toEqual({ startLine: 2, endLine: 4 });
    expect(run.goCommands).toEqual([
      { subcommand: 'mod download', args: [], line: 4 },
    ]);
    expect(run.mounts).toEqual([
      {
        type: 'cache',
        target: '/go/pkg/mod',
        raw: 'type=cache,target=/go/pkg/mod',
      },
    ]);
  });

  it('honours the escape directive with comments inside continuations', () => {
    const model = parse(
      [
        '# escape=`',
        'FROM golang:1.23',
        'RUN echo a `',
        '    # comment',
        '    && go build `',
        '    -o /x .',
      ].join('\n'),
    );
    const run = model.stages[0].runs[0];
    expect(run.command).not.toContain('comment');
    expect(run.goCommands).toEqual([
      { subcommand: 'build', args: ['-o', '/x', '.'], line: 5 },
    ]);
    expect(model.directives).toEqual([{ name: 'escape', value: '`', line: 1 }]);
  });

  it('reads heredoc bodies with their lines', () => {
    const model = parse(
      [
        '# syntax=docker/dockerfile:1.7',
        'FROM golang:1.23',
        'RUN <<EOF',
        'set -e',
        'go build -o /app ./cmd/app',
        'EOF',
      ].join('\n'),
    );
    const run = model.stages[0].runs[0];
    expect(run.heredocs).toEqual([
      {
        name: 'EOF',
        body: 'set -e\ngo build -o /app ./cmd/app',
        lines: { startLine: 4, endLine: 5 },
      },
    ]);
    expect(run.goCommands).toEqual([
      { subcommand: 'build', args: ['-o', '/app', './cmd/app'], line: 5 },
    ]);
    expect(model.directives[0]).toEqual({
      name: 'syntax',
      value: 'docker/dockerfile:1.7',
      line: 1,
    });
  });

  it('describes COPY sources, --from stages and dependency files', () => {
    const model = parse(
      [
        'FROM golang:1.23 AS build',
        'COPY go.* ./',
        'ADD go.mod go.sum ./',
        'COPY --chown=app . .',
        'FROM scratch',
        'COPY --from=build /out/app /app',
      ].join('\n'),
    );
    const [globCopy, addCopy, whole] = model.stages[0].copies;
    expect(globCopy).toMatchObject({
      dependencyFiles: ['go.mod', 'go.sum', 'go.work', 'go.work.sum'],
      onlyDependencyFiles: true,
      copiesWholeContext: false,
    });
    expect(addCopy).toMatchObject({
      keyword: 'ADD',
      sources: ['go.mod', 'go.sum'],
      destination: './',
      onlyDependencyFiles: true,
    });
    expect(whole).toMatchObject({
      copiesWholeContext: true,
      chown: 'app',
      onlyDependencyFiles: false,
    });
    expect(model.stages[1].copies[0]).toMatchObject({
      from: 'build',
      fromStage: 0,
      copiesWholeContext: false,
    });
  });

  it('computes Go cache paths from the golang image, ENV, USER and HOME', () => {
    const model = parse(
      [
        'FROM golang:1.23',
        'RUN go build .',
        'ENV GOMODCACHE=/cache/mod',
        'USER app',
        'RUN go build .',
        'ENV HOME=/home/app',
        'RUN go build .',
      ].join('\n'),
    );
    const [asRoot, asApp, withHome] = model.stages[0].runs.map(
      r => r.environment,
    );
    expect(asRoot).toMatchObject({
      gomodcache: '/go/pkg/mod',
      gocache: '/root/.cache/go-build',
      certain: true,
    });
    expect(asApp).toMatchObject({
      gomodcache: '/cache/mod',
      gocache: '/home/app/.cache/go-build',
      certain: false,
    });
    expect(withHome).toMatchObject({
      gocache: '/home/app/.cache/go-build',
      certain: true,
    });
  });

  it('defaults GOPATH to $HOME/go on images that are not golang', () => {
    const model = parse('FROM alpine:3.20\nRUN apk add go && go build .\n');
    expect(model.stages[0].runs[0].environment).toMatchObject({
      gomodcache: '/root/go/pkg/mod',
      certain: false,
    });
    expect(model.stages[0].buildsGo).toBe(true);
  });

  it('gives a stage-level ARG without value the global default', () => {
    const model = parse(
      'ARG GOPRIVATE=github.com/acme/*\nFROM golang:1.23\nARG GOPRIVATE\nRUN go mod download\n',
    );
    expect(model.stages[0].variables).toEqual([
      {
        kind: 'ARG',
        name: 'GOPRIVATE',
        value: 'github.com/acme/*',
        lines: { startLine: 3, endLine: 3 },
      },
    ]);
  });

  it('records go env -w settings, secret mounts and exec-form commands', () => {
    const model = parse(
      [
        'FROM golang:1.23',
        'RUN go env -w GOPRIVATE=github.com/acme/* GOFLAGS=-mod=mod',
        'RUN --mount=type=secret,id=netrc,target=/root/.netrc --mount=type=ssh go mod download',
        'RUN ["go", "build", "-mod=vendor", "."]',
      ].join('\n'),
    );
    const [envRun, secretRun, execRun] = model.stages[0].runs;
    expect(envRun.goEnvWrites).toEqual([
      { name: 'GOPRIVATE', value: 'github.com/acme/*', line: 2 },
      { name: 'GOFLAGS', value: '-mod=mod', line: 2 },
    ]);
    expect(secretRun.mounts.map(m => [m.type, m.id, m.target])).toEqual([
      ['secret', 'netrc', '/root/.netrc'],
      ['ssh', undefined, undefined],
    ]);
    expect(execRun.goCommands[0]).toMatchObject({
      subcommand: 'build',
      args: ['-mod=vendor', '.'],
    });
    expect(execRun.usesVendor).toBe(true);
  });

  it('recognises an image that only copies a prebuilt binary', () => {
    const model = parse(
      'FROM scratch\nCOPY myapp /myapp\nENTRYPOINT ["/myapp"]\n',
    );
    expect(model.prebuiltBinaryOnly).toBe(true);
    expect(model.buildsGo).toBe(false);
    expect(model.stages[0].image?.isScratch).toBe(true);
  });

  it('parses an empty file and garbage without throwing', () => {
    expect(parse('').stages).toEqual([]);
    const garbage = parse(
      '\u00ff\u00fe{{{ ]]] \\\n<<<<EOF\n$${{{\nFROM\nRUN\nCOPY --from=\n',
    );
    expect(garbage.stages.length).toBeLessThanOrEqual(1);
  });

  it('parses 10,000 lines of continuations and heredoc body in linear time', () => {
    const continued = Array.from(
      { length: 5000 },
      (_, i) => `    && go build ./cmd/${i} \\`,
    );
    const body = Array.from({ length: 5000 }, (_, i) => `go test ./pkg/${i}`);
    const text = [
      'FROM golang:1.23',
      'RUN true \\',
      ...continued,
      '    && true',
      'RUN <<EOF',
      ...body,
      'EOF',
    ].join('\n');
    const started = Date.now();
    const model = parse(text);
    const [continuation, heredoc] = model.stages[0].runs;
    expect(continuation.goCommands).toHaveLength(5000);
    expect(continuation.lines).toEqual({ startLine: 2, endLine: 5003 });
    expect(heredoc.goCommands).toHaveLength(5000);
    expect(heredoc.goCommands[4999].line).toBe(10004);
    // A bound against hangs and quadratic blow-ups on a shared machine, not a benchmark.
    expect(Date.now() - started).toBeLessThan(20000);
  }, 40000);
});

describe('parseDockerfileText heredoc scripts', () => {
  it('reads a heredoc given to a shell as a script, and one given to cat as data', () => {
    const model = parseDockerfileText(
      'Dockerfile',
      [
        'FROM golang:1.23',
        'RUN <<EOF bash',
        'go build .',
        'EOF',
        'RUN cat <<EOF > /notes.txt',
        'go build is run later',
        'EOF',
      ].join('\n'),
    );
    const [script, data] = model.stages[0].runs;
    expect(script.goCommands).toEqual([
      { subcommand: 'build', args: ['.'], line: 3 },
    ]);
    expect(data.goCommands).toEqual([]);
  });
});

describe('parseDockerfileText COPY heredocs', () => {
  it('keeps COPY heredoc bodies out of the sources', () => {
    const model = parseDockerfileText(
      'Dockerfile',
      ['FROM golang:1.23', 'COPY <<EOF /etc/app.conf', 'go.mod', 'EOF'].join(
        '\n',
      ),
    );
    const [copy] = model.stages[0].copies;
    expect(copy.heredocs).toEqual([
      { name: 'EOF', body: 'go.mod', lines: { startLine: 3, endLine: 3 } },
    ]);
    expect(copy.sources).toEqual([]);
    expect(copy.destination).toBe('/etc/app.conf');
    expect(copy.dependencyFiles).toEqual([]);
  });
});

describe('parseDockerfileText with CRLF line ends', () => {
  it('reads commands, continuations and heredocs written with CRLF', () => {
    const model = parseDockerfileText(
      'Dockerfile',
      [
        'FROM golang:1.23 AS build',
        'COPY go.mod go.sum ./',
        'RUN --mount=type=cache,target=/go/pkg/mod \\',
        '    go mod download',
        'RUN <<EOF',
        'go build -o /app .',
        'EOF',
        '',
      ].join('\r\n'),
    );
    const [download, build] = model.stages[0].runs;
    expect(model.stages[0].name).toBe('build');
    expect(model.stages[0].copies[0].dependencyFiles).toEqual([
      'go.mod',
      'go.sum',
    ]);
    expect(download.mounts[0].target).toBe('/go/pkg/mod');
    expect(download.goCommands).toEqual([
      { subcommand: 'mod download', args: [], line: 4 },
    ]);
    expect(build.heredocs[0].body).toBe('go build -o /app .');
    expect(build.goCommands).toEqual([
      { subcommand: 'build', args: ['-o', '/app', '.'], line: 6 },
    ]);
  });
});
