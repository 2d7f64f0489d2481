/*
 * Whether an environment that downloads private modules brings its own credentials:
 * a token (git insteadOf, .netrc, git credentials, gh auth setup-git, a credential action,
 * a BuildKit secret mount, an authenticated GOPROXY) from secrets, or an SSH key together
 * with an insteadOf that sends Go's https fetches over SSH (Go fetches github.com over https).
 */
import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at } from '../../engine/Rule';
import { CredentialEvidence, DownloadEnvironment } from './environments';
import { proxyUse } from './goFetchSettings';
import { originFromNames } from './scriptCredentials';
import { hasUserInfo, referencesIn } from './scriptFacts';

export type CredentialLevel = 'ok' | 'weak' | 'none';

export interface CredentialVerdict {
  level: CredentialLevel;
  /** What was found, or what is missing. */
  reason: string;
  evidence: CredentialEvidence[];
  locations: FindingLocation[];
}

const TOKEN_KINDS = new Set<CredentialEvidence['kind']>([
  'token-insteadof',
  'netrc',
  'git-credentials',
  'gh-setup-git',
  'credential-action',
  'secret-mount',
  'proxy-userinfo',
]);

/** An authenticated GOPROXY in effect at the first download, as credential evidence. */
function proxyCredential(
  environment: DownloadEnvironment,
): CredentialEvidence | undefined {
  const use = proxyUse(environment.points[0].settings);
  if (use.kind !== 'private') return undefined;
  const url = use.urls.find(hasUserInfo);
  if (!url) return undefined;
  const refs = referencesIn(url);
  const origin = originFromNames(
    refs.secrets,
    refs.variables.length > 0,
    environment.kind === 'stage' ? 'build-arg' : 'unknown',
  );
  return {
    kind: 'proxy-userinfo',
    description: 'GOPROXY with credentials',
    location: use.setting.location,
    origin,
  };
}

const ORIGIN_PROBLEM: Record<string, string> = {
  'github-token':
    "uses the workflow's GITHUB_TOKEN, which can read only this repository",
  'build-arg':
    'passes the credential as a build argument or ENV, which stays in the image history',
  literal: 'writes the credential into the file itself',
};

const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org']);

function listHosts(hosts: string[]): string {
  return [...new Set(hosts)].join(', ');
}

/** `moduleHosts`: first path elements of the private modules the environment downloads. */
export function checkCredentials(
  environment: DownloadEnvironment,
  moduleHosts: string[],
): CredentialVerdict {
  const proxy = proxyCredential(environment);
  const all = proxy
    ? [...environment.credentials, proxy]
    : environment.credentials;
  const trusted = all.filter(
    c => c.origin === 'secrets' || c.origin === 'unknown',
  );
  const tokens = trusted.filter(c => TOKEN_KINDS.has(c.kind));
  const sshKeys = trusted.filter(
    c => c.kind === 'ssh-key' || c.kind === 'ssh-mount',
  );
  const sshRewrites = all.filter(c => c.kind === 'ssh-insteadof');
  const locations = (list: CredentialEvidence[]) => list.map(c => c.location);
  // Tokens for another code host than the modules' (github.com vs gitlab.com) do not help.
  const codeHosts = moduleHosts.filter(h => CODE_HOSTS.has(h));
  const misdirected = tokens.filter(
    t =>
      t.host &&
      CODE_HOSTS.has(t.host) &&
      codeHosts.length &&
      !codeHosts.includes(t.host),
  );
  if (tokens.length && misdirected.length === tokens.length) {
    return {
      level: 'weak',
      reason: `${tokens[0].description} is for ${
        tokens[0].host
      }, but the modules are on ${listHosts(codeHosts)}`,
      evidence: tokens,
      locations: locations(tokens),
    };
  }
  if (tokens.length) {
    return {
      level: 'ok',
      reason: tokens.map(t => t.description).join(', '),
      evidence: tokens,
      locations: locations(tokens),
    };
  }
  if (sshKeys.length && sshRewrites.length) {
    const used = [...sshKeys, ...sshRewrites];
    return {
      level: 'ok',
      reason: `${sshKeys[0].description} with an SSH insteadOf`,
      evidence: used,
      locations: locations(used),
    };
  }
  const literal = all.find(
    c => c.origin === 'literal' && c.kind !== 'ssh-insteadof',
  );
  if (literal) {
    return {
      level: 'none',
      reason: `${literal.description} ${ORIGIN_PROBLEM.literal}`,
      evidence: [literal],
      locations: [literal.location],
    };
  }
  const weak = all.find(
    c => c.origin === 'github-token' || c.origin === 'build-arg',
  );
  if (weak) {
    return {
      level: 'weak',
      reason: `${weak.description} ${ORIGIN_PROBLEM[weak.origin]}`,
      evidence: [weak],
      locations: [weak.location],
    };
  }
  if (sshKeys.length) {
    return {
      level: 'weak',
      reason: `${sshKeys[0].description} loads an SSH key, but no \`url."git@host:".insteadOf\` makes Go's https fetches use it`,
      evidence: sshKeys,
      locations: locations(sshKeys),
    };
  }
  const use = proxyUse(environment.points[0].settings);
  if (use.kind === 'private') {
    return {
      level: 'weak',
      reason: `GOPROXY points at ${use.urls.join(
        ', ',
      )}, with no credentials visible for it`,
      evidence: [],
      locations: [use.setting.location],
    };
  }
  return {
    level: 'none',
    reason: sshRewrites.length
      ? 'an SSH insteadOf with no SSH key loaded'
      : 'no credential setup before the first download',
    evidence: [],
    locations: [
      at(
        environment.points[0].location.path,
        environment.points[0].location.startLine,
        environment.points[0].location.endLine,
      ),
    ],
  };
}
