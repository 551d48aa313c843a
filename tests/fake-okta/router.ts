import type { FakeOrg } from './org';
import type { Reply } from './reply';

export interface RouteContext {
  org: FakeOrg;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** The full request URL, used for `rel="self"` and to build `rel="next"`. */
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
}

export type Scope = 'okta.users' | 'okta.groups' | 'okta.apps' | 'okta.logs' | 'okta.schemas' | 'okta.roles';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under /api/v1 with `:name` segments, e.g. `/users/:id/lifecycle/suspend`. */
  path: string;
  /** The OAuth scope family; GET needs `<family>.read` or `.manage`, anything else `.manage`. */
  scope: Scope;
  handle(context: RouteContext): Reply;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export type MatchResult = RouteMatch | { methodNotAllowed: true } | null;

/** Finds the route for a path under /api/v1; literal segments win over `:params`. */
export function matchRoute(routes: readonly Route[], method: string, path: string): MatchResult {
  const segments = path.split('/').filter(Boolean);
  let pathMatched = false;
  let best: { match: RouteMatch; literals: number } | null = null;
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const ok = pattern.every((part, i) => {
      const segment = segments[i] as string;
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segment);
        return true;
      }
      literals++;
      return part === segment;
    });
    if (!ok) continue;
    if (route.method !== method) {
      pathMatched = true;
      continue;
    }
    if (!best || literals > best.literals) best = { match: { route, params }, literals };
  }
  if (best) return best.match;
  return pathMatched ? { methodNotAllowed: true } : null;
}
