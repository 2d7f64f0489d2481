import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import { RuleContext } from '../../engine/RuleContext';
import { MatrixCombination } from '../../model/workflows';
import { byStep, goCacheKeys, KeyedCache, setupGoCaches } from './cacheKeys';
import {
  describeCache,
  describeJob,
  location,
  visibilityNotes,
  notApplicableUnlessBroken,
} from './ciSupport';
import { yamlBlock } from './snippets';
import { fixKeyOsArch } from './fixes/ci-key-os-arch.fix';

/** The key as it is at run time in one combination: runner.os/arch replaced by the platform. */
function resolvedKey(k: KeyedCache, combo: MatrixCombination): string {
  const text = k.key.parts
    .map(p => {
      if (p.kind === 'context' && p.name === 'runner.os')
        return `<os:${combo.os}>`;
      if (p.kind === 'context' && p.name === 'runner.arch')
        return `<arch:${combo.arch}>`;
      if (p.kind === 'literal') return p.text;
      if (p.kind === 'hashFiles') return `hash(${p.patterns.join(',')})`;
      if (p.kind === 'command') return `$(${p.command})`;
      return p.kind === 'context' ? `<${p.name}>` : `<?${p.text}>`;
    })
    .join('');
  // @actions/cache versions entries by their paths as written, and marks Windows entries
  // "windows-only" unless enableCrossOsArchive: such entries never meet across those lines.
  const paths = k.cache.paths
    .map(p => p.values[k.combination]?.text ?? p.raw)
    .join('\n');
  const windowsOnly =
    combo.os === 'windows' && !k.cache.enableCrossOsArchive
      ? 'windows-only'
      : '';
  return `${text}\u0000${paths}\u0000${windowsOnly}`;
}

export interface Collision {
  entries: KeyedCache[];
  varies: 'OS' | 'architecture';
}

/** Groups of keys that resolve alike on different platforms (exported for the fix). */
export function findCollisions(keyed: KeyedCache[]): Collision[] {
  const groups = new Map<string, KeyedCache[]>();
  for (const k of keyed) {
    const combo = k.job.combinations[k.combination];
    if (!combo || combo.os === 'unknown' || k.key.hasUnknown) continue;
    const id = resolvedKey(k, combo);
    groups.set(id, [...(groups.get(id) ?? []), k]);
  }
  const collisions: Collision[] = [];
  for (const entries of groups.values()) {
    const combos = entries.map(e => e.job.combinations[e.combination]);
    const oses = new Set(combos.map(c => c.os));
    const arches = new Set(
      combos.filter(c => c.arch !== 'unknown').map(c => c.arch),
    );
    const moduleOnly = entries.every(e => !e.covers.build);
    const crossOs = entries.every(e => e.cache.enableCrossOsArchive);
    if (moduleOnly && crossOs) continue; // module source does not depend on the platform
    if (oses.size > 1) collisions.push({ entries, varies: 'OS' });
    else if (arches.size > 1)
      collisions.push({ entries, varies: 'architecture' });
  }
  return collisions;
}

function describeCollision(c: Collision): string {
  const jobs = [...new Set(c.entries.map(e => describeJob(e.job)))];
  const platforms = [
    ...new Set(
      c.entries.map(e => {
        const combo = e.job.combinations[e.combination];
        return `${combo.runsOn.text} (${combo.os}/${combo.arch})`;
      }),
    ),
  ];
  return `the key \`${c.entries[0].key.text}\` of ${describeCache(
    c.entries[0].cache,
  )} is the same on ${platforms.join(', ')} (${jobs.join('; ')}), though the ${
    c.varies
  } differs`;
}

function evaluate(ctx: RuleContext): RuleOutcome {
  const model = ctx.workflows;
  const notes = visibilityNotes(model);
  const keyed = goCacheKeys(model);
  const setupGo = setupGoCaches(model);
  if (keyed.length === 0 && setupGo.length === 0)
    return notApplicableUnlessBroken(
      model,
      'No job restores a Go cache.',
      notes,
    );
  const failures = findCollisions(keyed).map(describeCollision);
  const failLocations: FindingLocation[] = findCollisions(keyed).flatMap(c => {
    const first = c.entries[0];
    return [
      location(first.cache.keySpan ?? first.cache.step.span),
      ...(first.job.runsOnSpan ? [location(first.job.runsOnSpan)] : []),
    ];
  });
  // setup-go before v5.1.0 keys on RUNNER_OS only: arm64 and x64 runners of one OS collide.
  const byOs = new Map<
    string,
    Array<(typeof setupGo)[number] & { arch: string }>
  >();
  for (const entry of setupGo) {
    if (entry.cache.keyHas.arch) continue;
    for (const combo of entry.job.combinations) {
      if (combo.os === 'unknown' || combo.arch === 'unknown') continue;
      byOs.set(combo.os, [
        ...(byOs.get(combo.os) ?? []),
        { ...entry, arch: combo.arch },
      ]);
    }
  }
  for (const [os, entries] of byOs) {
    if (new Set(entries.map(e => e.arch)).size < 2) continue;
    failures.push(
      `setup-go ${
        entries[0].cache.resolvedVersion
      } keys its cache on the OS only, and ${os} jobs run on ${[
        ...new Set(entries.map(e => e.arch)),
      ].join(' and ')} (${[
        ...new Set(entries.map(e => describeJob(e.job))),
      ].join('; ')})`,
    );
    failLocations.push(location(entries[0].cache.step.span));
  }
  if (failures.length) {
    return outcome.fail(`${failures.join('; ')}.`, {
      locations: failLocations,
      remediation: [
        'Put the platform in the key, so each OS and CPU architecture keeps its own entry:',
        '',
        yamlBlock(
          "key: ${{ runner.os }}-${{ runner.arch }}-go-${{ hashFiles('**/go.sum') }}",
        ),
        '',
        'With setup-go, use v5.1.0 or later (the moving `@v5` tag qualifies): its built-in key holds both.',
      ].join('\n'),
      notes,
    });
  }
  for (const group of byStep(keyed)) {
    const oses = new Set(group.map(k => k.job.combinations[k.combination]?.os));
    const namesOs = group[0].key.parts.some(
      p => p.kind === 'context' && p.name === 'runner.os',
    );
    if (
      oses.has('windows') &&
      oses.size > 1 &&
      !namesOs &&
      !group[0].cache.enableCrossOsArchive
    ) {
      notes.push(
        `The key of ${describeCache(
          group[0].cache,
        )} does not name the OS, but @actions/cache versions Windows entries apart ("windows-only" unless enableCrossOsArchive), so Windows and other runners do not share them; \`\${{ runner.os }}\` in the key would make that visible.`,
      );
    }
  }
  for (const k of keyed) {
    const names = k.key.parts.flatMap(p =>
      p.kind === 'context' ? [p.name] : [],
    );
    if (
      !names.includes('runner.arch') &&
      names.includes('runner.os') &&
      k.combination === 0
    ) {
      notes.push(
        `The key of ${describeCache(
          k.cache,
        )} holds runner.os but not runner.arch: fine while every job using it runs on one architecture.`,
      );
    }
  }
  const locations = [
    ...keyed
      .filter(k => k.combination === 0)
      .map(k => location(k.cache.keySpan ?? k.cache.step.span)),
    ...setupGo.map(s => location(s.cache.step.span)),
  ];
  return outcome.pass(
    'No cache key is shared between jobs on different operating systems or CPU architectures.',
    { locations, notes: [...new Set(notes)] },
  );
}

/** POLICY.md `ci-key-os-arch`: keys separate OS and CPU architecture. */
export const ciKeyOsArchRule: PolicyRule = {
  id: 'ci-key-os-arch',
  evaluate,
  fix: fixKeyOsArch,
};
