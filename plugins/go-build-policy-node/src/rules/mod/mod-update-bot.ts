import { FindingLocation } from '@go-build-policy/plugin-go-build-policy-common';
import { at, outcome, PolicyRule, RuleOutcome } from '../../engine/Rule';
import {
  dependabotCoverage,
  DependabotConfig,
  GoModel,
  GoModule,
  RenovateConfig,
} from '../../model/go';
import { fixUpdateBot } from './fixes/mod-update-bot.fix';

/** Dependabot's spelling of a module directory: `/` or `/services/api`. */
function dependabotDir(module: GoModule): string {
  return `/${module.dir}`;
}

function dependabotSnippet(modules: GoModule[], fileExists: boolean): string {
  const entry = [
    '  - package-ecosystem: gomod',
    '    directories:',
    ...modules.map(m => `      - "${dependabotDir(m)}"`),
    '    schedule:',
    '      interval: weekly',
  ];
  const body = fileExists ? entry : ['version: 2', 'updates:', ...entry];
  return ['```yaml', ...body, '```'].join('\n');
}

function remediation(
  modules: GoModule[],
  dependabot?: DependabotConfig,
): string {
  const where = dependabot
    ? `Add this entry to the \`updates\` list of ${dependabot.path}`
    : 'Create .github/dependabot.yml';
  return [
    `${where} so every module's requirements (and go.sum) move in small reviewed steps:`,
    '',
    dependabotSnippet(modules, !!dependabot),
    '',
    'Or, with Renovate, keep its `gomod` manager on (do not leave it out of `enabledManagers`).',
  ].join('\n');
}

interface DependabotView {
  covered: GoModule[];
  uncovered: GoModule[];
  locations: FindingLocation[];
}

function dependabotView(
  config: DependabotConfig,
  modules: GoModule[],
): DependabotView {
  const locations: FindingLocation[] = [];
  const covered: GoModule[] = [];
  const uncovered: GoModule[] = [];
  for (const module of modules) {
    const match = dependabotCoverage(config, module.dir);
    if (match) {
      covered.push(module);
      // Several modules may be covered by one glob line: point at it once.
      if (!locations.some(l => l.startLine === match.line)) {
        locations.push(at(config.path, match.line));
      }
    } else {
      uncovered.push(module);
    }
  }
  return { covered, uncovered, locations };
}

function renovateNotes(renovate: RenovateConfig): string[] {
  return renovate.extends.length
    ? [
        `${renovate.path} extends ${renovate.extends.join(
          ', ',
        )}; presets may change which managers run and are not followed.`,
      ]
    : [];
}

function evaluate(go: GoModel): RuleOutcome {
  const modules = go.modules;
  if (modules.length === 0)
    return outcome.notApplicable('The repository has no go.mod.');
  const { dependabot } = go.updateBots;
  // Renovate reads the first config it finds, in its lookup order.
  const renovate = go.updateBots.renovate[0];

  if (renovate && !renovate.problem && renovate.gomodEnabled) {
    return outcome.pass(
      `Renovate (${renovate.path}) runs its gomod manager, which updates every module.`,
      {
        locations: [at(renovate.path, renovate.line)],
        notes: renovateNotes(renovate),
      },
    );
  }
  const notes: string[] = [];
  if (renovate?.problem) {
    notes.push(
      `${renovate.path} could not be read: ${renovate.problem.message}.`,
    );
  } else if (renovate?.disabledBy) {
    notes.push(
      `${renovate.path} turns Renovate's gomod manager off with \`${renovate.disabledBy.value}\`.`,
    );
  }
  const renovateLocations = renovate
    ? [
        at(
          renovate.path,
          renovate.disabledBy?.line ??
            Math.max(1, renovate.problem?.line ?? renovate.line),
        ),
      ]
    : [];

  if (dependabot?.problem) {
    const message = `${dependabot.path} could not be evaluated: ${dependabot.problem.message}.`;
    return outcome.error(message, {
      locations: [
        at(dependabot.path, Math.max(1, dependabot.problem.line)),
        ...renovateLocations,
      ],
      notes,
    });
  }
  if (dependabot) {
    const view = dependabotView(dependabot, modules);
    if (view.uncovered.length === 0) {
      return outcome.pass(
        `Dependabot's gomod entries in ${
          dependabot.path
        } cover every module directory (${modules
          .map(dependabotDir)
          .join(', ')}).`,
        { locations: view.locations, notes },
      );
    }
    const missing = view.uncovered.map(dependabotDir).join(', ');
    if (view.covered.length > 0) {
      return outcome.warn(
        `Dependabot updates ${view.covered
          .map(dependabotDir)
          .join(', ')} but no gomod entry of ${
          dependabot.path
        } covers ${missing}.`,
        {
          locations: view.locations,
          remediation: remediation(view.uncovered, dependabot),
          notes,
        },
      );
    }
    const what = dependabot.gomodEntries.length
      ? `its gomod entries cover none of the module directories (${missing})`
      : `it has no gomod entry (ecosystems: ${
          dependabot.ecosystems.join(', ') || 'none'
        })`;
    return outcome.fail(
      `${dependabot.path} does not update Go modules: ${what}.`,
      {
        locations: [at(dependabot.path, 1), ...renovateLocations],
        remediation: remediation(modules, dependabot),
        notes,
      },
    );
  }
  if (renovate?.problem) {
    return outcome.error(
      `${renovate.path} could not be read, so whether Renovate updates Go modules is unknown: ${renovate.problem.message}.`,
      {
        locations: renovateLocations,
      },
    );
  }
  const renovateText = renovate?.disabledBy
    ? `Renovate's gomod manager is off in ${renovate.path} (\`${renovate.disabledBy.value}\`)`
    : 'no Renovate config';
  return outcome.fail(
    `No update bot covers the Go modules: no .github/dependabot.yml and ${renovateText}.`,
    {
      locations: renovateLocations.length
        ? renovateLocations
        : [at(modules[0].goModPath, 1)],
      remediation: remediation(modules),
      notes,
    },
  );
}

export const modUpdateBotRule: PolicyRule = {
  id: 'mod-update-bot',
  evaluate: ctx => evaluate(ctx.go),
  fix: fixUpdateBot,
};
