/** Collections whose next path segment is an object id (or, for users, a login or `me`). */
const ID_COLLECTIONS = new Set(['users', 'groups', 'apps', 'factors']);
/** Literal segments that sit where an id could be. */
const LITERALS = new Set(['rules']);

/** `/api/v1/users/00u1/lifecycle/activate` → `/api/v1/users/{id}/lifecycle/activate`. */
export function pathTemplate(pathname: string): string {
  const segments = pathname.split('/');
  return segments
    .map((segment, i) => {
      const previous = i > 0 ? segments[i - 1] : undefined;
      const isId = previous !== undefined && ID_COLLECTIONS.has(previous) && segment !== '' && !LITERALS.has(segment);
      return isId ? '{id}' : segment;
    })
    .join('/');
}

/**
 * The rate-limit bucket a request draws from. Okta groups some endpoints into one bucket
 * (its published per-endpoint table): every `/api/v1/apps` call except `/api/v1/apps/{id}` itself
 * shares one bucket; GET and POST `/api/v1/users` share one; POST/PUT/DELETE `/api/v1/users/{id}`
 * share one while GET `/api/v1/users/{id}` has its own. Everything else is tracked per method and
 * path template, which is never coarser than Okta's buckets (a merged key would mix two windows).
 */
export function bucketKey(method: string, pathname: string): string {
  const verb = method.toUpperCase();
  const template = pathTemplate(pathname.replace(/\/+$/, ''));
  if (template === '/api/v1/apps/{id}') return '/api/v1/apps/{id}';
  if (template === '/api/v1/apps' || template.startsWith('/api/v1/apps/{id}/')) return '/api/v1/apps*';
  if (template === '/api/v1/users' && (verb === 'GET' || verb === 'POST')) return 'GET/POST /api/v1/users';
  if (template === '/api/v1/users/{id}') {
    return verb === 'GET' ? 'GET /api/v1/users/{id}' : 'POST/PUT/DELETE /api/v1/users/{id}';
  }
  return `${verb} ${template}`;
}
