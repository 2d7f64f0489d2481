import { RouteDefinition } from './types';

interface CompiledRoute {
  route: RouteDefinition;
  segments: string[];
}

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

function splitPath(path: string): string[] {
  return path.split('/').filter(segment => segment !== '');
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchSegments(
  pattern: string[],
  actual: string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index++) {
    const part = pattern[index];
    const rest = /^\{\+(\w+)\}$/.exec(part);
    if (rest) {
      const decoded = actual.slice(index).map(decodeSegment);
      if (decoded.some(segment => segment === undefined)) return undefined;
      params[rest[1]] = decoded.join('/');
      return params;
    }
    if (index >= actual.length) return undefined;
    const variable = /^\{(\w+)\}$/.exec(part);
    if (variable) {
      const decoded = decodeSegment(actual[index]);
      if (decoded === undefined || decoded === '') return undefined;
      params[variable[1]] = decoded;
    } else if (part !== actual[index]) {
      return undefined;
    }
  }
  return pattern.length === actual.length ? params : undefined;
}

/** Matches request paths against GitHub-style templated routes, in order. */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: RouteDefinition[]) {
    this.routes = routes.map(route => ({
      route,
      segments: splitPath(route.template),
    }));
  }

  match(method: string, path: string): RouteMatch | undefined {
    const actual = splitPath(path);
    for (const compiled of this.routes) {
      if (compiled.route.method !== method) continue;
      const params = matchSegments(compiled.segments, actual);
      if (params) return { route: compiled.route, params };
    }
    return undefined;
  }

  /** True when some route has this path under another method (405 vs 404). */
  hasPath(path: string): boolean {
    const actual = splitPath(path);
    return this.routes.some(compiled =>
      matchSegments(compiled.segments, actual),
    );
  }
}
