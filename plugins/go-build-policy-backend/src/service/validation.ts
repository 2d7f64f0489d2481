import { InputError } from '@backstage/errors';
import { ComplianceLevel } from '@go-build-policy/plugin-go-build-policy-common';
import { z } from 'zod';
import { ENTITY_SCAN_STATES } from '../database/ScanStore';

/** Accepts `a,b`, repeated parameters (`?x=a&x=b`) or both, as a list. */
function listOf<T extends z.ZodType<string>>(item: T) {
  return z.preprocess(value => {
    if (value === undefined) return undefined;
    const raw = Array.isArray(value) ? value : [value];
    return raw
      .flatMap(v => (typeof v === 'string' ? v.split(',') : [v]))
      .map(v => (typeof v === 'string' ? v.trim() : v))
      .filter(v => v !== '');
  }, z.array(item).max(100).optional());
}

const LEVELS = [
  'gold',
  'silver',
  'bronze',
  'needs-work',
  'not-applicable',
] as const satisfies readonly ComplianceLevel[];

const integer = (min: number, max: number) =>
  z.coerce.number().int().min(min).max(max);

const ref = z.string().min(1).max(512);

export const filterSchema = z.object({
  owner: listOf(ref),
  system: listOf(ref),
  domain: listOf(ref),
  level: listOf(z.enum(LEVELS)),
  rule: listOf(z.string().min(1).max(128)),
  status: listOf(z.enum([...ENTITY_SCAN_STATES, 'stale'])),
  severity: listOf(z.enum(['error', 'warning', 'info'])),
  q: z.string().max(200).optional(),
});

const sortSchema = z.object({
  sort: z
    .enum(['score', 'name', 'owner', 'lastScan', 'failing', 'severity'])
    .optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

export const repositoriesQuerySchema = filterSchema.extend({
  ...sortSchema.shape,
  limit: integer(1, 1000).optional(),
  offset: integer(0, 10_000_000).optional(),
});

export const summaryQuerySchema = filterSchema.extend({
  trendDays: integer(1, 366).optional(),
});

export const exportQuerySchema = filterSchema.extend({
  ...sortSchema.shape,
  format: z.enum(['csv', 'json']).default('csv'),
});

export const historyQuerySchema = z.object({
  limit: integer(1, 1000).optional(),
});

export const groupParamsSchema = z.object({
  dimension: z.enum(['owner', 'system', 'domain', 'rule']),
});

const entityNamePart = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[^:/\s]+$/, 'must not contain ":", "/" or spaces');

export const entityParamsSchema = z.object({
  kind: entityNamePart,
  namespace: entityNamePart,
  name: entityNamePart,
});

/** Validates request input; a mismatch is the client's fault (400), never a 500. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map(i => `${i.path.join('.') || what}: ${i.message}`)
      .join('; ');
    throw new InputError(`Invalid ${what}: ${detail}`);
  }
  return parsed.data;
}

/** The entity ref of the `/entities/{kind}/{namespace}/{name}` routes. */
export function entityRefFromParams(params: unknown): string {
  const { kind, namespace, name } = parseInput(
    entityParamsSchema,
    params,
    'entity reference',
  );
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}
