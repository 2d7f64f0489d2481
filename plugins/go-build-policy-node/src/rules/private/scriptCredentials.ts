/*
 * Turns the credential setups a script reader found into the evidence the private rules
 * compare, so workflow steps and Dockerfile RUNs describe them alike.
 */
import { CredentialEvidence, CredentialKind } from './environments';
import { ScriptCredential, ScriptFacts } from './scriptFacts';

const KIND: Record<ScriptCredential['kind'], CredentialKind> = {
  'git-insteadof-token': 'token-insteadof',
  'git-insteadof-ssh': 'ssh-insteadof',
  netrc: 'netrc',
  'git-credentials': 'git-credentials',
  'gh-setup-git': 'gh-setup-git',
};

const DESCRIPTION: Record<ScriptCredential['kind'], string> = {
  'git-insteadof-token': '`git config url.….insteadOf` with a token',
  'git-insteadof-ssh': '`git config url.….insteadOf` to SSH',
  netrc: 'a `.netrc` written',
  'git-credentials': 'a `.git-credentials` written',
  'gh-setup-git': '`gh auth setup-git`',
};

export function evidenceKind(credential: ScriptCredential): CredentialKind {
  return KIND[credential.kind];
}

export function evidenceDescription(credential: ScriptCredential): string {
  return DESCRIPTION[credential.kind];
}

/** The command that sets a credential up, and the text it writes (words and here-documents). */
export function credentialCommand(
  facts: ScriptFacts,
  credential: ScriptCredential,
): { index: number; text: string } {
  const index = facts.commands.findIndex(cmd => cmd.line === credential.line);
  const command = facts.commands[index];
  const text = command
    ? [
        ...command.words.map(w => w.text),
        ...command.heredocs.map(h => h.body),
      ].join(' ')
    : '';
  return { index, text };
}

/** The origin of a secret from the names a text references. */
export function originFromNames(
  secrets: string[],
  hasVariables: boolean,
  variableOrigin: CredentialEvidence['origin'],
): CredentialEvidence['origin'] {
  if (secrets.some(s => s !== 'GITHUB_TOKEN')) return 'secrets';
  if (secrets.length) return 'github-token';
  return hasVariables ? variableOrigin : 'literal';
}
