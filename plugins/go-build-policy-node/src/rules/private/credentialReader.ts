/*
 * Credential setups in a parsed shell script: `git config url.….insteadOf` with a token or
 * to SSH, `.netrc` and `.git-credentials` writes, `gh auth setup-git`; and the text helpers
 * that tell which secrets or variables a value refers to.
 */
import { ShellCommand } from './shellCommands';

export type CredentialKind =
  | 'git-insteadof-token'
  | 'git-insteadof-ssh'
  | 'netrc'
  | 'git-credentials'
  | 'gh-setup-git';

/** A visible credential setup and the secrets or variables its text uses. */
export interface ScriptCredential {
  kind: CredentialKind;
  /** Host the credential is for, when the text names one. */
  host?: string;
  /** `secrets.X` names referenced directly (`${{ secrets.X }}`). */
  secrets: string[];
  /** Shell variables referenced (`$TOKEN`, `${TOKEN}`): their origin decides. */
  variables: string[];
  /** Step ids whose outputs are referenced (`steps.app-token.outputs.token`). */
  stepOutputs: string[];
  line: number;
}

/** `secrets.X` names and `$VAR` names a text refers to. */
export function referencesIn(text: string): {
  secrets: string[];
  variables: string[];
  stepOutputs: string[];
} {
  const secrets = new Set<string>();
  const variables = new Set<string>();
  const stepOutputs = new Set<string>();
  for (const m of text.matchAll(/\bsteps\.([A-Za-z0-9_-]+)\.outputs\b/g))
    stepOutputs.add(m[1]);
  for (const m of text.matchAll(/\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g))
    secrets.add(m[1]);
  for (const m of text.matchAll(/\bsecrets\[\s*'([^']{1,100})'\s*\]/g))
    secrets.add(m[1]);
  for (const m of text.matchAll(/\benv\.([A-Za-z_][A-Za-z0-9_]*)/g))
    variables.add(m[1]);
  for (const m of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g))
    variables.add(m[1]);
  if (/\bgithub\.token\b/.test(text)) secrets.add('GITHUB_TOKEN');
  return {
    secrets: [...secrets],
    variables: [...variables],
    stepOutputs: [...stepOutputs],
  };
}

/** The host of a URL-ish text (`https://x@github.com/`, `git@github.com:`), lowercased. */
export function hostOf(url: string): string | undefined {
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const authority = withoutScheme.split('/')[0];
  const at = authority.lastIndexOf('@');
  const host = (at === -1 ? authority : authority.slice(at + 1))
    .split(':')[0]
    .toLowerCase();
  return host || undefined;
}

/** Whether a URL carries credentials in its userinfo (`https://user:token@host/`). */
export function hasUserInfo(url: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/]*)@/i.exec(url);
  return m !== null && m[1].length > 0;
}

export function writesTo(command: ShellCommand, pattern: RegExp): boolean {
  if (
    command.redirects.some(
      r => r.op.includes('>') && pattern.test(r.target.text),
    )
  )
    return true;
  const name = command.words[0]?.text;
  return (
    name === 'tee' && command.words.slice(1).some(w => pattern.test(w.text))
  );
}

/** The text a command writes: its echo/printf arguments, here-documents, or its pipe source's. */
export function writtenText(command: ShellCommand): {
  text: string;
  dynamic: boolean;
} {
  const source =
    command.words[0]?.text === 'tee' && command.pipedFrom
      ? command.pipedFrom
      : command;
  const words =
    source.words[0] && /^(?:echo|printf|cat)$/.test(source.words[0].text)
      ? source.words.slice(1)
      : [];
  const echoed = words
    .filter(w => !/^-[a-z]+$/.test(w.text))
    .map(w => w.text)
    .join(' ');
  const parts = [echoed, ...source.heredocs.map(h => h.body)].filter(Boolean);
  return {
    text: parts.join('\n'),
    dynamic:
      words.some(w => w.dynamic) ||
      source.heredocs.some(h => h.body.includes('$')),
  };
}

function credentialFrom(
  kind: CredentialKind,
  text: string,
  line: number,
  host?: string,
): ScriptCredential {
  return { kind, host, line, ...referencesIn(text) };
}

function gitConfigCredential(
  command: ShellCommand,
): ScriptCredential | undefined {
  const words = command.words.map(w => w.text);
  if (words[0] !== 'git' || !words.includes('config')) return undefined;
  for (const word of words) {
    const m = /^url\.(.+)\.insteadof$/i.exec(word);
    if (!m) continue;
    const url = m[1];
    if (/^(?:ssh:\/\/|git@)/i.test(url))
      return credentialFrom(
        'git-insteadof-ssh',
        url,
        command.line,
        hostOf(url),
      );
    if (hasUserInfo(url))
      return credentialFrom(
        'git-insteadof-token',
        url,
        command.line,
        hostOf(url),
      );
  }
  return undefined;
}

function netrcHost(text: string): string | undefined {
  const m = /\bmachine\s+([^\s]+)/.exec(text);
  return m ? m[1].toLowerCase() : undefined;
}

export function credentialOf(
  command: ShellCommand,
): ScriptCredential | undefined {
  const git = gitConfigCredential(command);
  if (git) return git;
  const words = command.words.map(w => w.text);
  if (words[0] === 'gh' && words[1] === 'auth' && words[2] === 'setup-git') {
    return {
      kind: 'gh-setup-git',
      host: 'github.com',
      secrets: [],
      variables: ['GH_TOKEN', 'GITHUB_TOKEN'],
      stepOutputs: [],
      line: command.line,
    };
  }
  if (writesTo(command, /(?:^|\/)_?\.?netrc$/)) {
    const { text } = writtenText(command);
    return credentialFrom('netrc', text, command.line, netrcHost(text));
  }
  if (writesTo(command, /\.git-credentials$/)) {
    const { text } = writtenText(command);
    return credentialFrom(
      'git-credentials',
      text,
      command.line,
      hostOf(text.trim()),
    );
  }
  return undefined;
}
