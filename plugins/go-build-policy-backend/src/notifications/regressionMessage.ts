import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { Regression } from './regression';

const MAX_LISTED_RULES = 5;

/** Where the entity's compliance tab lives in the app (the plugin's default route). */
export function entityTabLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/go-build-policy`;
}

/**
 * The owners' message: what regressed, in a title that reads well in a list, and the
 * failing rules (worst first) with their messages. One scope per entity, so a newer
 * regression replaces the unread older one instead of piling up.
 */
export function regressionPayload(
  entityRef: string,
  displayName: string,
  regression: Regression,
  commitSha?: string,
): NotificationPayload {
  const { newlyFailing, levelDrop } = regression;
  const count = newlyFailing.length;
  const what = [
    levelDrop ? `dropped from ${levelDrop.from} to ${levelDrop.to}` : undefined,
    count
      ? `${count} rule${count === 1 ? '' : 's'} started failing`
      : undefined,
  ]
    .filter(Boolean)
    .join('; ');
  const listed = newlyFailing
    .slice(0, MAX_LISTED_RULES)
    .map(f => `${f.ruleId} (${f.severity}): ${f.message}`);
  if (count > MAX_LISTED_RULES) {
    listed.push(`…and ${count - MAX_LISTED_RULES} more`);
  }
  const at = commitSha ? ` at ${commitSha.slice(0, 7)}` : '';
  const severe =
    levelDrop?.to === 'needs-work' ||
    newlyFailing.some(f => f.severity === 'error');
  return {
    title: `${displayName}: Go build policy ${what}${at}`,
    description: listed.join('\n') || undefined,
    link: entityTabLink(entityRef),
    severity: severe ? 'high' : 'normal',
    topic: 'go-build-policy',
    scope: `go-build-policy:regression:${entityRef.toLocaleLowerCase('en-US')}`,
  };
}
