import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import {
  DockerfileModel,
  isTokenLikeName,
  RunInstruction,
  VariableDeclaration,
} from '../../model/docker';
import { referencedNames } from '../../model/docker/substitute';
import { locationOf, stageChain } from './dockerRuleSupport';

/** A credential that reaches an image or its history. */
export interface CredentialLeak {
  summary: string;
  location: FindingLocation;
  /** The variable that carries it. */
  name: string;
  /** The RUN that uses it for git or .netrc, when one does. */
  usedBy?: RunInstruction;
}

/** A credential passed the safe way: a secret or ssh mount. */
export interface SafeCredential {
  summary: string;
  location: FindingLocation;
}

// A RUN that configures git or module download credentials.
const CREDENTIAL_USE =
  /\.netrc|insteadof|git\s+config|git\s+clone|machine\s+\S+\s+login|GIT_ASKPASS|GOPROXY|go\s+mod\s+download|go\s+get|curl|wget/i;

// A RUN that writes a credential into a file keeps it in that layer, beyond the history.
const WRITES_CREDENTIAL_FILE = /git\s+config|\.netrc|\.git-credentials/i;

function describeUse(run: RunInstruction): string {
  return WRITES_CREDENTIAL_FILE.test(run.command)
    ? ` and the RUN at line ${run.lines.startLine} writes it into a git or .netrc file that stays in that layer`
    : ` and the RUN at line ${run.lines.startLine} uses it for git or module downloads`;
}

/** Whether a command writes a credential into a file of its layer (git config, .netrc). */
export function writesCredentialFile(run: RunInstruction): boolean {
  return WRITES_CREDENTIAL_FILE.test(run.command);
}

function mentions(run: RunInstruction, name: string): boolean {
  return referencedNames(run.command).has(name);
}

/**
 * Credentials a Dockerfile exposes and the secret mounts it uses. BuildKit writes every ARG
 * in scope of a RUN, with its value, into that RUN's image history entry (`|1 TOKEN=…`),
 * and ENV values stay in the image config, so either leaks whatever the build is given.
 */
export function dockerfileCredentials(file: DockerfileModel): {
  leaks: CredentialLeak[];
  safe: SafeCredential[];
} {
  const leaks: CredentialLeak[] = [];
  const safe: SafeCredential[] = [];
  const reported = new Set<VariableDeclaration>();
  for (const stage of file.stages) {
    for (const run of stage.runs) {
      for (const mount of run.mounts) {
        if (mount.type === 'secret' || mount.type === 'ssh') {
          safe.push({
            summary: `\`${file.path}\` line ${run.lines.startLine} mounts a ${
              mount.type
            }${mount.id ? ` (\`${mount.id}\`)` : ''}.`,
            location: locationOf(file, run.lines),
          });
        }
      }
    }
    const chain = stageChain(file, stage);
    const declarations = chain.flatMap(s => s.variables);
    const tokenNames = new Set(
      declarations.filter(d => isTokenLikeName(d.name)).map(d => d.name),
    );
    for (const declaration of stage.variables) {
      if (reported.has(declaration)) continue;
      const refersToToken = [
        ...referencedNames(declaration.rawValue ?? ''),
      ].some(n => tokenNames.has(n));
      const tokenLike = isTokenLikeName(declaration.name);
      if (
        declaration.kind === 'ENV' &&
        (refersToToken || (tokenLike && declaration.rawValue))
      ) {
        reported.add(declaration);
        leaks.push({
          name: declaration.name,
          summary: `\`${file.path}\` line ${declaration.lines.startLine}: \`ENV ${declaration.name}\` stores a credential in the image configuration.`,
          location: locationOf(file, declaration.lines),
        });
      }
    }
    for (const declaration of stage.variables) {
      if (
        declaration.kind !== 'ARG' ||
        !isTokenLikeName(declaration.name) ||
        reported.has(declaration)
      )
        continue;
      const later = chain
        .flatMap(s => s.runs)
        .filter(run => run.lines.startLine > declaration.lines.startLine);
      if (later.length === 0) continue;
      reported.add(declaration);
      const usedBy = later.find(
        run =>
          mentions(run, declaration.name) && CREDENTIAL_USE.test(run.command),
      );
      const use = usedBy ? describeUse(usedBy) : '';
      leaks.push({
        name: declaration.name,
        usedBy,
        summary: `\`${file.path}\` line ${declaration.lines.startLine}: \`ARG ${declaration.name}\` is a credential passed as a build argument${use}; its value is written into the image history of every later RUN.`,
        location: locationOf(file, declaration.lines),
      });
    }
  }
  return { leaks, safe };
}
