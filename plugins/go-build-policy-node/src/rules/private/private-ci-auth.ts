import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { checkCredentials, CredentialVerdict } from './credentialCheck';
import { DownloadEnvironment } from './environments';
import { distinctPaths, PrivateRequirement } from './privateRequirements';
import { privateScope } from './privateScope';
import { code, listOf, uniqueLocations } from './remediation';

/** `https://github.com/acme/` for `github.com/acme/x`; the host alone for vanity paths. */
function repositoryPrefixes(requirements: PrivateRequirement[]): string[] {
  const prefixes = requirements.map(r => {
    const parts = r.path.split('/');
    const codeHost = /^(?:github\.com|gitlab\.com|bitbucket\.org)$/.test(
      parts[0],
    );
    return `https://${
      codeHost && parts[1] ? `${parts[0]}/${parts[1]}` : parts[0]
    }/`;
  });
  return [...new Set(prefixes)];
}

function jobSnippet(
  environment: DownloadEnvironment,
  prefixes: string[],
): string {
  const lines = prefixes.map(
    p =>
      `git config --global url."${p.replace(
        'https://',
        'https://x-access-token:${{ secrets.GO_MODULES_TOKEN }}@',
      )}".insteadOf "${p}"`,
  );
  return [
    `In ${environment.label}, before ${environment.points[0].what}:`,
    '',
    '```yaml',
    '      - name: Authenticate private Go modules',
    ...(lines.length === 1
      ? [`        run: ${lines[0]}`]
      : ['        run: |', ...lines.map(l => `          ${l}`)]),
    '```',
  ].join('\n');
}

function stageSnippet(
  environment: DownloadEnvironment,
  prefixes: string[],
): string {
  const home = environment.home ?? '/root';
  const hosts = [
    ...new Set(prefixes.map(p => p.replace('https://', '').split('/')[0])),
  ];
  return [
    `In ${environment.label}, mount the credentials for the download only (they never land in a layer):`,
    '',
    '```dockerfile',
    `RUN --mount=type=secret,id=netrc,target=${home}/.netrc \\`,
    '    go mod download',
    '```',
    '',
    `and pass them at build time, e.g. \`docker buildx build --secret id=netrc,src=$HOME/.netrc .\` with a \`.netrc\` holding \`machine ${hosts[0]} login x-access-token password <token>\`.`,
  ].join('\n');
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const scope = privateScope(ctx);
  if (scope.kind === 'decided') return scope.outcome;
  const { requirements, environments, notes } = scope;
  const moduleHosts = requirements.map(r => r.path.split('/')[0]);
  const verdicts = environments.map(environment => ({
    environment,
    verdict: checkCredentials(environment, moduleHosts),
  }));
  const lacking = verdicts.filter(v => v.verdict.level !== 'ok');
  const modules = listOf(distinctPaths(requirements).map(code));
  const describe = (v: {
    environment: DownloadEnvironment;
    verdict: CredentialVerdict;
  }) => `${v.environment.label}: ${v.verdict.reason}`;
  const rest = { notes: notes.length ? notes : undefined };
  if (!lacking.length) {
    return outcome.pass(
      `Every environment that downloads ${modules} injects credentials from secrets (${verdicts
        .map(describe)
        .join('; ')}).`,
      {
        ...rest,
        locations: uniqueLocations(verdicts.flatMap(v => v.verdict.locations)),
      },
    );
  }
  const prefixes = repositoryPrefixes(requirements);
  const remediation = [
    `Give each environment that downloads ${modules} its own credentials from a secret (a token that can read those repositories), so builds do not depend on access a developer's machine or a warm cache happens to have.`,
    '',
    ...lacking
      .slice(0, 3)
      .map(v =>
        v.environment.kind === 'job'
          ? jobSnippet(v.environment, prefixes)
          : stageSnippet(v.environment, prefixes),
      ),
  ].join('\n\n');
  const locations = uniqueLocations([
    ...lacking.flatMap(v => [
      v.environment.points[0].location,
      ...v.verdict.locations,
    ]),
    requirements[0].location,
  ]);
  const shown = lacking.slice(0, 3).map(describe).join('; ');
  const more = lacking.length > 3 ? `; and ${lacking.length - 3} more` : '';
  // Partly met (some environments authenticate, or only weakly) is a warn; an environment
  // with nothing at all while none authenticates properly is the failure POLICY.md names.
  const noneOk = lacking.length === verdicts.length;
  if (noneOk && lacking.some(v => v.verdict.level === 'none')) {
    return outcome.fail(
      `No environment supplies proper credentials for ${modules}: ${shown}${more}. The build only works where git already has access (a developer's machine, a warm module cache).`,
      { ...rest, locations, remediation },
    );
  }
  return outcome.warn(
    `Credentials for ${modules} are missing or weak in ${lacking.length} of ${verdicts.length} environments: ${shown}${more}.`,
    { ...rest, locations, remediation },
  );
}

export const privateCiAuthRule: PolicyRule = {
  id: 'private-ci-auth',
  evaluate,
};
