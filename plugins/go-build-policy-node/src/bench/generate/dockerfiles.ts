import { Random } from '../random';

/** A multi-stage Go Dockerfile: well layered with cache mounts, or the common mistakes. */
export function dockerfile(
  random: Random,
  moduleDir: string,
  privateModules: boolean,
) {
  const good = random.chance(0.5);
  const prefix = moduleDir === '.' ? '' : `${moduleDir}/`;
  const lines = [
    '# syntax=docker/dockerfile:1.7',
    `ARG GO_VERSION=${random.pick(['1.22', '1.23', '1.23.4', '1.24'])}`,
    `FROM --platform=$BUILDPLATFORM ${
      random.chance(0.1) ? 'golang:latest' : 'golang:${GO_VERSION}-alpine'
    } AS build`,
    'ARG TARGETOS TARGETARCH',
    'WORKDIR /src',
  ];
  if (privateModules) {
    lines.push(
      good
        ? 'ENV GOPRIVATE=github.com/acme/*'
        : 'ARG GITHUB_TOKEN\nRUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"',
    );
  }
  if (good) {
    lines.push(
      `COPY ${prefix}go.mod ${prefix}go.sum ./`,
      'RUN --mount=type=cache,target=/go/pkg/mod \\',
      '    go mod download',
      `COPY ${prefix}. .`,
      'RUN --mount=type=cache,target=/go/pkg/mod \\',
      '    --mount=type=cache,target=/root/.cache/go-build \\',
      '    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath -o /out/app ./cmd/app',
    );
  } else {
    lines.push(
      'COPY . .',
      'RUN go mod download && \\',
      '    go build -o /out/app ./cmd/app',
    );
  }
  lines.push('', 'FROM build AS test', 'RUN go test ./...', '');
  lines.push(
    'FROM gcr.io/distroless/static-debian12',
    'COPY --from=build /out/app /app',
    'USER nonroot',
    'ENTRYPOINT ["/app"]',
    '',
  );
  return lines.join('\n');
}

/** A goreleaser image: copies a prebuilt binary and builds no Go. */
export function releaseDockerfile() {
  return 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nENTRYPOINT ["/app"]\n';
}

export function dockerignore(random: Random) {
  return random.chance(0.8) ? '.git\n.github\nbin/\n*.md\n' : 'bin/\n';
}
