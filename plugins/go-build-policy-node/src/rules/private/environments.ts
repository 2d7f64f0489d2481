/*
 * "Environments that download modules" (POLICY.md, private family): Go jobs of the
 * workflows and Dockerfile stages that run the go command. Each holds the points where
 * go may download, with the settings in effect there, and the credential setups visible
 * before them. Built once per scan and shared by the private-* rules.
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { RuleContext } from '../../engine/RuleContext';
import { dockerEnvironments } from './dockerEnvironments';
import { GoSetting, GoSettings } from './goFetchSettings';
import { workflowEnvironments } from './workflowEnvironments';

/** One command (or action) that may download modules, and the settings it runs with. */
export interface DownloadPoint {
  /** What runs, for messages: "`go test ./...`", "golangci/golangci-lint-action". */
  what: string;
  location: FindingLocation;
  settings: GoSettings;
  /** `go mod download` of the whole module: later points find everything in the cache. */
  downloadsAll: boolean;
}

export type CredentialKind =
  | 'token-insteadof'
  | 'ssh-insteadof'
  | 'ssh-key'
  | 'netrc'
  | 'git-credentials'
  | 'gh-setup-git'
  | 'credential-action'
  | 'secret-mount'
  | 'ssh-mount'
  | 'proxy-userinfo';

/** Where a credential's secret comes from. */
export type CredentialOrigin =
  /** `secrets.*`, a secret mount, or an app token minted from secrets. */
  | 'secrets'
  /** The workflow's GITHUB_TOKEN: it reaches only this repository. */
  | 'github-token'
  /** A Dockerfile ARG/ENV: it stays in the image history. */
  | 'build-arg'
  /** Written in the file itself. */
  | 'literal'
  /** A variable the scan cannot trace. */
  | 'unknown';

export interface CredentialEvidence {
  kind: CredentialKind;
  description: string;
  location: FindingLocation;
  origin: CredentialOrigin;
  host?: string;
}

export interface DownloadEnvironment {
  kind: 'job' | 'stage';
  /** "job `build` in .github/workflows/ci.yml", "stage `builder` of build/Dockerfile". */
  label: string;
  /** The workflow or Dockerfile. */
  path: string;
  /** The job's lines, or the stage's FROM line. */
  location: FindingLocation;
  /** Job id or stage name (or `#index`), for remediation snippets. */
  name: string;
  points: DownloadPoint[];
  /** Credential setups that run before the first download point. */
  credentials: CredentialEvidence[];
  /** Every setting of the fetch variables written in this environment, in file order. */
  settingsWritten: GoSetting[];
  /** HOME where the first download runs (Dockerfile stages), for `.netrc` snippets. */
  home?: string;
}

function collectDownloadEnvironments(ctx: RuleContext): DownloadEnvironment[] {
  return [...workflowEnvironments(ctx), ...dockerEnvironments(ctx)].filter(
    e => e.points.length > 0,
  );
}

/** Every environment that downloads modules; computed once per rule context. */
export function downloadEnvironments(ctx: RuleContext): DownloadEnvironment[] {
  return ctx.shared(collectDownloadEnvironments);
}
