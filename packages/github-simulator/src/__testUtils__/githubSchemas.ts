import Ajv, { ValidateFunction } from 'ajv';

type Json = Record<string, any>;

const SPEC_PATH = '@octokit/openapi/generated/api.github.com.json';
const DOCUMENT_ID = 'api.github.com';

/**
 * Points document-local refs (#/components/...) at the registered spec, and
 * turns OpenAPI 3.0's `nullable` without a `type` (beside `allOf` or `$ref`),
 * which Ajv refuses, into `anyOf [schema, null]`.
 */
function normalise(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(normalise);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${DOCUMENT_ID}${value}`
        : normalise(value);
  }
  if (out.nullable === true && out.type === undefined) {
    const { nullable, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

export interface GithubSchemas {
  /** Validation errors of `body` against the operation's documented response ([] when valid). */
  errorsFor(
    method: string,
    pathTemplate: string,
    status: number,
    body: unknown,
  ): string[];
  /** The same against a named schema of `components/schemas`. */
  errorsForSchema(name: string, body: unknown): string[];
}

/**
 * Loads GitHub's published OpenAPI description (api.github.com) once and
 * validates response bodies against it, `$ref`s resolved by Ajv.
 */
export function loadGithubSchemas(): GithubSchemas {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const spec: Json = require(SPEC_PATH);
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  ajv.addFormat('uri', value => {
    try {
      return Boolean(new URL(value));
    } catch {
      return false;
    }
  });
  ajv.addFormat(
    'date-time',
    value => !Number.isNaN(Date.parse(value)) && /T/.test(value),
  );
  ajv.addSchema({ $id: DOCUMENT_ID, components: normalise(spec.components) });
  const compiled = new Map<string, ValidateFunction>();

  const resolveResponse = (response: Json): Json =>
    response.$ref
      ? spec.components.responses[response.$ref.split('/').pop()]
      : response;

  const check = (validate: ValidateFunction, body: unknown) =>
    validate(body)
      ? []
      : (validate.errors ?? []).map(
          error => `${error.instancePath || '/'} ${error.message}`,
        );

  return {
    errorsFor(method, pathTemplate, status, body) {
      const key = `${method} ${pathTemplate} ${status}`;
      let validate = compiled.get(key);
      if (!validate) {
        const operation = spec.paths[pathTemplate]?.[method.toLowerCase()];
        if (!operation)
          throw new Error(`No operation ${method} ${pathTemplate} in the spec`);
        const response = operation.responses[String(status)];
        if (!response)
          throw new Error(`${method} ${pathTemplate} documents no ${status}`);
        const schema =
          resolveResponse(response).content?.['application/json']?.schema;
        if (!schema) throw new Error(`${key} has no JSON schema`);
        validate = ajv.compile(normalise(schema) as Json);
        compiled.set(key, validate);
      }
      return check(validate, body);
    },
    errorsForSchema(name, body) {
      const key = `schema ${name}`;
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile({
          $ref: `${DOCUMENT_ID}#/components/schemas/${name}`,
        });
        compiled.set(key, validate);
      }
      return check(validate, body);
    },
  };
}
