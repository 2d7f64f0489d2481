/**
 * The URL fragment naming one finding of the entity tab (`#finding-<rule id>`): the
 * triage list links there and the tab opens and scrolls to that finding.
 */
export function findingAnchor(ruleId: string): string {
  return `finding-${ruleId}`;
}

/**
 * The rule id a fragment names, or undefined when it names no finding (a hand-edited URL
 * with a broken escape included: the tab then opens as usual).
 */
export function ruleOfAnchor(hash: string): string | undefined {
  let fragment: string;
  try {
    fragment = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  return /^finding-(.+)$/.exec(fragment)?.[1];
}
