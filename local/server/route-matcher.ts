/** Matches a request path against API Gateway route paths (`/v1/debtors/{id}`), static segments first. */
import { HttpProblem } from '../../shared/http/problem';
import type { RouteDefinition } from '../../shared/http/route';

export interface RouteMatch {
  route: RouteDefinition;
  pathParameters: Record<string, string>;
}

function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new HttpProblem(400, 'The path has a malformed percent-escape');
  }
}

function matchPath(template: string, path: string): Record<string, string> | undefined {
  const expected = template.split('/').filter(Boolean);
  const actual = path.split('/').filter(Boolean);
  if (expected.length !== actual.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index] as string;
    const parameter = /^\{(\w+)\}$/.exec(segment);
    if (parameter) parameters[parameter[1] as string] = decodeSegment(value);
    else if (segment !== value) return undefined;
  }
  return parameters;
}

const staticSegments = (template: string) =>
  template.split('/').filter((s) => s && !s.startsWith('{')).length;

export function matchRoute(
  routes: readonly RouteDefinition[],
  method: string,
  path: string,
): RouteMatch | 'method-not-allowed' | undefined {
  const candidates = routes
    .map((route) => ({ route, pathParameters: matchPath(route.path, path) }))
    .filter((candidate): candidate is RouteMatch => candidate.pathParameters !== undefined)
    .sort((a, b) => staticSegments(b.route.path) - staticSegments(a.route.path));
  if (candidates.length === 0) return undefined;
  return candidates.find((candidate) => candidate.route.method === method) ?? 'method-not-allowed';
}
