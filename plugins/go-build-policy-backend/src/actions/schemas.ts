import type { z as zod } from 'zod/v3';

/** Zod (v3 API, as the actions registry hands it over) shapes shared by the actions. */
export function levelSchema(z: typeof zod) {
  return z.enum(['gold', 'silver', 'bronze', 'needs-work', 'not-applicable']);
}

export function severitySchema(z: typeof zod) {
  return z.enum(['error', 'warning', 'info']);
}

export function stateSchema(z: typeof zod) {
  return z.enum([
    'never-scanned',
    'queued',
    'scanning',
    'ok',
    'failed',
    'not-go',
    'no-source',
  ]);
}

export function failingRuleSchema(z: typeof zod) {
  return z.object({
    ruleId: z.string(),
    title: z.string().optional(),
    status: z.enum(['fail', 'error', 'warn']),
    severity: severitySchema(z),
    message: z.string(),
    remediation: z.string().describe('Markdown, fitted to the repository'),
    locations: z.array(
      z.object({
        path: z.string(),
        startLine: z.number(),
        endLine: z.number(),
      }),
    ),
  });
}
