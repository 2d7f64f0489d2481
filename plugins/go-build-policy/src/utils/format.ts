import {
  ComplianceLevel,
  FindingStatus,
  Severity,
} from '@go-build-policy/plugin-go-build-policy-common';
import { parseEntityRef } from '@backstage/catalog-model';

export const LEVEL_LABELS: Record<ComplianceLevel, string> = {
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
  'needs-work': 'Needs work',
  'not-applicable': 'Not applicable',
};

export const STATUS_LABELS: Record<FindingStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  warn: 'Partial',
  'not-applicable': 'N/A',
  error: 'Error',
};

export const SEVERITY_ORDER: Record<Severity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** Failing first, then partial, error, pass, not applicable; then by severity. */
export const STATUS_ORDER: Record<FindingStatus, number> = {
  fail: 0,
  error: 1,
  warn: 2,
  pass: 3,
  'not-applicable': 4,
};

/** `group:default/payments` → `payments`; other namespaces keep theirs. */
export function shortRef(ref: string | null | undefined): string {
  if (!ref) return '—';
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return `${text} UTC`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "19 Dec 2026": the UTC day, for expiries that are whole days. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
}

/** What "raw" means next to a score, wherever both are shown. */
export const RAW_SCORE_EXPLANATION =
  'The score counts waived rules as passing; the raw score is what the scan found, counting them as failing.';
