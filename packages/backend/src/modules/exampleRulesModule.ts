import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  at,
  goBuildPolicyRulesExtensionPoint,
  outcome,
  PolicyRule,
} from '@go-build-policy/plugin-go-build-policy-node';

const CODEOWNERS_PLACES = [
  '.github/CODEOWNERS',
  'CODEOWNERS',
  'docs/CODEOWNERS',
];

/**
 * An organisation rule, as a module adds one: every Go service names its owners in a
 * CODEOWNERS file, so that build-policy pull requests reach someone who can merge them.
 */
export const codeownersRule: PolicyRule = {
  id: 'acme-codeowners',
  metadata: {
    id: 'acme-codeowners',
    category: 'mod',
    defaultSeverity: 'info',
    title: 'A CODEOWNERS file names who reviews build changes',
    rationale:
      'Fixes to CI caches and Dockerfiles arrive as pull requests; CODEOWNERS routes them to the team that owns the service.',
    passWhen: 'A CODEOWNERS file exists in .github/, docs/ or the root.',
    failWhen: 'No CODEOWNERS file.',
    notApplicableWhen: 'The repository has no go.mod.',
    remediation:
      'Add `.github/CODEOWNERS` with a line such as `* @acme/payments`.',
  },
  evaluate(context) {
    const paths = context.snapshot.paths;
    if (!paths.some(p => p === 'go.mod' || p.endsWith('/go.mod'))) {
      return outcome.notApplicable('No go.mod in this repository.');
    }
    const found = CODEOWNERS_PLACES.find(p => paths.includes(p));
    return found
      ? outcome.pass(`${found} names the owners.`, {
          locations: [at(found, 1)],
        })
      : outcome.fail('No CODEOWNERS file in .github/, docs/ or the root.', {
          remediation:
            'Create `.github/CODEOWNERS`:\n\n```\n* @acme/<your-team>\n```',
        });
  },
};

/** Shows the rules extension point: a backend module adding organisation rules. */
export const exampleRulesModule = createBackendModule({
  pluginId: 'go-build-policy',
  moduleId: 'acme-rules',
  register(reg) {
    reg.registerInit({
      deps: { rules: goBuildPolicyRulesExtensionPoint },
      async init({ rules }) {
        rules.addRules(codeownersRule);
      },
    });
  },
});
