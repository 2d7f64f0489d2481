import type {
  BackstageCredentials,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  FixPullRequest,
  PolicySettings,
} from '@go-build-policy/plugin-go-build-policy-common';
import {
  FixProposal,
  PolicyRule,
  proposeFix,
} from '@go-build-policy/plugin-go-build-policy-node';
import { PullRequestStore } from '../database/PullRequestStore';
import { GithubClients } from '../github/GithubClients';
import { GithubHostClient } from '../github/GithubHostClient';
import { RepositoryHead } from '../github/RepositoryCoordinates';
import { ScanCostMeter } from '../github/ScanCostMeter';
import { resolveEntitySource } from '../scanning/resolveEntitySource';
import { fixPullRequestError } from './githubErrors';
import {
  openOrFindPullRequest,
  pointBranchAt,
  pullRequestState,
} from './pullRequestCalls';
import { readRepositoryHead } from '../github/readRepositoryHead';
import { readScopedSnapshot } from '../scanning/readScopedSnapshot';
import { repositorySettings } from '../scanning/repositorySettings';
import { writeFixCommit } from './writeFixCommit';

export interface FixPullRequestOpenerOptions {
  clients: GithubClients;
  cache: CacheService;
  store: PullRequestStore;
  logger: LoggerService;
  settings: PolicySettings;
  /** Learn private modules from the owner's repositories, as the scanner does. */
  learnPrivateModules?: boolean;
  extraRules: () => readonly PolicyRule[];
  /** Prefix of fix branches, e.g. `go-build-policy/`. */
  branchPrefix: string;
  /** The catalog entity, as the caller may see it (undefined: unknown or hidden). */
  getEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined>;
}

export interface OpenFixRequest {
  entityRef: string;
  ruleId: string;
  credentials: BackstageCredentials;
  /** Who asked, for the pull request's footer and the record (a user entity ref). */
  requestedBy: string;
}

export interface OpenFixResult {
  pullRequest: FixPullRequest;
  /** False when an open pull request for the rule already existed and is returned. */
  created: boolean;
}

/** Branch names allow few characters; rule ids are kebab-case already. */
function branchName(prefix: string, ruleId: string, commit: string): string {
  const safeRule = ruleId.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${prefix}${safeRule}-${commit.slice(0, 7)}`;
}

function pullRequestBody(
  proposal: FixProposal,
  request: OpenFixRequest,
  commit: string,
): string {
  return [
    proposal.description.trim(),
    '',
    '---',
    `Opened from Backstage by ${request.requestedBy} for \`${request.entityRef}\`: the suggested fix of the go-build-policy rule \`${request.ruleId}\`, computed at ${commit}.`,
  ].join('\n');
}

/**
 * Opens a pull request with a rule's suggested fix, computed against the repository's
 * current default-branch head: one branch, one commit with every edited file, one pull
 * request, recorded for the entity. Idempotent per entity and rule while the recorded
 * pull request is open on GitHub.
 */
export class FixPullRequestOpener {
  constructor(private readonly options: FixPullRequestOpenerOptions) {}

  async open(request: OpenFixRequest): Promise<OpenFixResult> {
    const { entityRef, ruleId } = request;
    const entity = await this.options.getEntity(entityRef, request.credentials);
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    const source = resolveEntitySource(entity, host =>
      this.options.clients.isGithubHost(host),
    );
    if (source.kind === 'none')
      throw new ConflictError(
        `${entityRef} has no GitHub source: ${source.reason}`,
      );
    const { coordinates } = source;
    const client = this.options.clients.forHost(coordinates.host);
    if (!client)
      throw new ConflictError(
        `${coordinates.host} is not a configured GitHub integration`,
      );
    const meter = new ScanCostMeter();
    const slug = `${coordinates.owner}/${coordinates.name}`;

    const existing = await this.stillOpen(client, entityRef, ruleId, meter);
    if (existing) return { pullRequest: existing, created: false };

    const head = await readRepositoryHead(client, coordinates, meter);
    if (!head.ok)
      throw fixPullRequestError(slug, 'reading the repository', head.failure);
    // The same settings and snapshot a scan of this head would use: the fix shown on
    // the entity page and the one committed agree.
    const settings = await repositorySettings({
      client,
      cache: this.options.cache,
      base: this.options.settings,
      learn: this.options.learnPrivateModules ?? false,
      owner: head.data.owner,
      meter,
    });
    if (!settings.ok)
      throw fixPullRequestError(
        slug,
        "learning the owner's private modules",
        settings.failure,
      );
    const read = await readScopedSnapshot(
      client,
      this.options.cache,
      head.data,
      coordinates.moduleRoot,
      meter,
    );
    if (!read.ok)
      throw fixPullRequestError(slug, 'reading the repository', read.failure);
    const proposal = read.hasGoModule
      ? proposeFix(read.snapshot, ruleId, {
          settings: settings.data,
          extraRules: this.options.extraRules(),
        })
      : undefined;
    if (!proposal) {
      throw new ConflictError(
        `no fix for ${ruleId} at ${head.data.commitSha}: the rule passes or its fix is not mechanical here`,
      );
    }
    const pullRequest = await this.openOnGithub(
      client,
      head.data,
      proposal,
      request,
      meter,
    );
    await this.options.store.record({
      ...pullRequest,
      repository: `${coordinates.host}/${head.data.owner}/${head.data.name}`,
      createdAt: new Date(pullRequest.createdAt),
    });
    this.options.logger.info(
      `Opened fix pull request ${
        pullRequest.url
      } for ${ruleId} of ${entityRef} (${
        meter.snapshot().requests
      } GitHub requests)`,
    );
    return { pullRequest, created: true };
  }

  /** The recorded pull request of the rule when GitHub still has it open; else updates its state. */
  private async stillOpen(
    client: GithubHostClient,
    entityRef: string,
    ruleId: string,
    meter: ScanCostMeter,
  ): Promise<FixPullRequest | undefined> {
    const recorded = await this.options.store.latest(entityRef, ruleId);
    if (!recorded || recorded.state !== 'open') return undefined;
    const [, owner, name] = recorded.repository.split('/');
    const state = await pullRequestState(
      client,
      { owner, name },
      recorded.number,
      meter,
    );
    // Unknown (GitHub down, pull request gone): open a new one rather than block the user.
    if (state === undefined || state === 'open') {
      if (state === 'open') {
        const { repository: _, ...pullRequest } = recorded;
        return pullRequest;
      }
      return undefined;
    }
    await this.options.store.setState(
      recorded.repository,
      recorded.number,
      state,
    );
    return undefined;
  }

  private async openOnGithub(
    client: GithubHostClient,
    head: RepositoryHead,
    proposal: FixProposal,
    request: OpenFixRequest,
    meter: ScanCostMeter,
  ): Promise<FixPullRequest> {
    const repository = { owner: head.owner, name: head.name };
    const slug = `${head.owner}/${head.name}`;
    const body = pullRequestBody(proposal, request, head.commitSha);
    const commit = await writeFixCommit(
      client,
      repository,
      head.commitSha,
      proposal.edits,
      `${proposal.title}\n\n${body}`,
      meter,
    );
    if (!commit.ok)
      throw fixPullRequestError(slug, 'writing the fix commit', commit.failure);
    const branch = branchName(
      this.options.branchPrefix,
      request.ruleId,
      head.commitSha,
    );
    const moved = await pointBranchAt(
      client,
      repository,
      branch,
      commit.data.sha,
      meter,
    );
    if (!moved.ok)
      throw fixPullRequestError(
        slug,
        `creating branch ${branch}`,
        moved.failure,
      );
    const opened = await openOrFindPullRequest(
      client,
      repository,
      { title: proposal.title, body, head: branch, base: head.defaultBranch },
      meter,
    );
    if (!opened.ok)
      throw fixPullRequestError(
        slug,
        'opening the pull request',
        opened.failure,
      );
    return {
      entityRef: request.entityRef.toLocaleLowerCase('en-US'),
      ruleId: request.ruleId,
      number: opened.data.number,
      url: opened.data.url,
      branch,
      baseCommit: head.commitSha,
      state: 'open',
      createdBy: request.requestedBy,
      createdAt: new Date().toISOString(),
    };
  }
}
