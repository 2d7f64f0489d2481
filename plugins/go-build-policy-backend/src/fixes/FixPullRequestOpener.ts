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
import { readFixSnapshot } from './readFixSnapshot';
import { writeFixCommit } from './writeFixCommit';

export interface FixPullRequestOpenerOptions {
  clients: GithubClients;
  cache: CacheService;
  store: PullRequestStore;
  logger: LoggerService;
  settings: PolicySettings;
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

    const read = await readFixSnapshot(
      client,
      this.options.cache,
      coordinates,
      meter,
    );
    if (!read.ok)
      throw fixPullRequestError(slug, 'reading the repository', read.failure);
    const { head, snapshot } = read;
    const proposal = proposeFix(snapshot, ruleId, {
      settings: this.options.settings,
      extraRules: this.options.extraRules(),
    });
    if (!proposal) {
      throw new ConflictError(
        `no fix for ${ruleId} at ${head.commitSha}: the rule passes or its fix is not mechanical here`,
      );
    }
    const pullRequest = await this.openOnGithub(
      client,
      head,
      proposal,
      request,
      meter,
    );
    await this.options.store.record({
      ...pullRequest,
      repository: `${coordinates.host}/${head.owner}/${head.name}`,
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
